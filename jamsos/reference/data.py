"""Reference rows for the demo: regions with a 2025 minimum wage, and branch offices (pure data)."""

from dataclasses import dataclass

# The 2025 figures below are approximations of the published UMK (UMP for Jakarta) gathered
# for realistic orders of magnitude; they are demo values, not an official source. The loader
# derives the other years from them and marks every row it writes with a "demo:" source.
MINIMUM_WAGE_ANCHOR_YEAR = 2025

# "\u2013" is an en dash, as opening hours are written on Indonesian notices; the escape
# keeps the ambiguous character out of the source.
_DASH = "\u2013"
WEEKDAY_HOURS = f"08.00{_DASH}15.00"
WEEKDAY_HOURS_LONG = f"08.00{_DASH}16.00"
SATURDAY_HOURS = f"08.00{_DASH}12.00"


@dataclass(frozen=True)
class RegionData:
    """A regency or city: BPS code, names, a postcode prefix for addresses and its 2025 UMK."""

    code: str
    name: str
    province: str
    city: str
    postcode_prefix: str
    minimum_wage_2025: int


@dataclass(frozen=True)
class BranchData:
    """A branch office; `area` lists the region codes whose employers it serves."""

    code: str
    name: str
    city: str
    province: str
    address: str
    phone: str
    weekday_hours: str
    saturday_hours: str
    area: tuple[str, ...]


_JAKARTA_UMP_2025 = 5_396_761

REGIONS: tuple[RegionData, ...] = (
    RegionData("1171", "Kota Banda Aceh", "Aceh", "Banda Aceh", "231", 3_685_616),
    RegionData("1275", "Kota Medan", "Sumatera Utara", "Medan", "202", 3_990_000),
    RegionData("1371", "Kota Padang", "Sumatera Barat", "Padang", "251", 3_065_000),
    RegionData("1671", "Kota Palembang", "Sumatera Selatan", "Palembang", "301", 3_822_693),
    RegionData("2171", "Kota Batam", "Kepulauan Riau", "Batam", "294", 4_989_600),
    RegionData(
        "3171",
        "Kota Administrasi Jakarta Selatan",
        "DKI Jakarta",
        "Jakarta Selatan",
        "121",
        _JAKARTA_UMP_2025,
    ),
    RegionData(
        "3172", "Kota Administrasi Jakarta Timur", "DKI Jakarta", "Jakarta Timur", "134", _JAKARTA_UMP_2025
    ),
    RegionData(
        "3173", "Kota Administrasi Jakarta Pusat", "DKI Jakarta", "Jakarta Pusat", "104", _JAKARTA_UMP_2025
    ),
    RegionData(
        "3174", "Kota Administrasi Jakarta Barat", "DKI Jakarta", "Jakarta Barat", "114", _JAKARTA_UMP_2025
    ),
    RegionData(
        "3175", "Kota Administrasi Jakarta Utara", "DKI Jakarta", "Jakarta Utara", "142", _JAKARTA_UMP_2025
    ),
    RegionData("3201", "Kabupaten Bogor", "Jawa Barat", "Kabupaten Bogor", "168", 4_877_211),
    RegionData("3204", "Kabupaten Bandung", "Jawa Barat", "Kabupaten Bandung", "403", 3_757_284),
    RegionData("3215", "Kabupaten Karawang", "Jawa Barat", "Karawang", "413", 5_599_593),
    RegionData("3216", "Kabupaten Bekasi", "Jawa Barat", "Kabupaten Bekasi", "175", 5_558_515),
    RegionData("3271", "Kota Bogor", "Jawa Barat", "Bogor", "161", 5_126_897),
    RegionData("3273", "Kota Bandung", "Jawa Barat", "Bandung", "401", 4_482_914),
    RegionData("3275", "Kota Bekasi", "Jawa Barat", "Bekasi", "171", 5_690_752),
    RegionData("3276", "Kota Depok", "Jawa Barat", "Depok", "164", 5_195_721),
    RegionData("3372", "Kota Surakarta", "Jawa Tengah", "Surakarta", "571", 2_416_560),
    RegionData("3374", "Kota Semarang", "Jawa Tengah", "Semarang", "501", 3_454_827),
    RegionData("3471", "Kota Yogyakarta", "DI Yogyakarta", "Yogyakarta", "552", 2_655_041),
    RegionData("3515", "Kabupaten Sidoarjo", "Jawa Timur", "Sidoarjo", "612", 4_870_511),
    RegionData("3525", "Kabupaten Gresik", "Jawa Timur", "Gresik", "611", 4_874_133),
    RegionData("3578", "Kota Surabaya", "Jawa Timur", "Surabaya", "602", 4_961_753),
    RegionData("3603", "Kabupaten Tangerang", "Banten", "Kabupaten Tangerang", "155", 4_901_117),
    RegionData("3671", "Kota Tangerang", "Banten", "Tangerang", "151", 5_069_708),
    RegionData("3674", "Kota Tangerang Selatan", "Banten", "Tangerang Selatan", "154", 4_974_392),
    RegionData("5171", "Kota Denpasar", "Bali", "Denpasar", "802", 3_298_116),
    RegionData("5271", "Kota Mataram", "Nusa Tenggara Barat", "Mataram", "831", 2_684_403),
    RegionData("5371", "Kota Kupang", "Nusa Tenggara Timur", "Kupang", "853", 2_328_969),
    RegionData("6171", "Kota Pontianak", "Kalimantan Barat", "Pontianak", "781", 3_053_000),
    RegionData("6371", "Kota Banjarmasin", "Kalimantan Selatan", "Banjarmasin", "702", 3_600_000),
    RegionData("6471", "Kota Balikpapan", "Kalimantan Timur", "Balikpapan", "761", 3_740_000),
    RegionData("7171", "Kota Manado", "Sulawesi Utara", "Manado", "951", 3_775_425),
    RegionData("7371", "Kota Makassar", "Sulawesi Selatan", "Makassar", "902", 3_880_000),
    RegionData("9171", "Kota Jayapura", "Papua", "Jayapura", "991", 4_285_848),
)

# Street names are real streets of each city; the numbers, and every telephone number, are
# invented for the demo: they are not the real offices' (see docs/demo-data.md).
BRANCHES: tuple[BranchData, ...] = (
    BranchData(
        "J01",
        "Jakarta Salemba",
        "Jakarta Pusat",
        "DKI Jakarta",
        "Jl. Salemba Raya No. 48, Jakarta Pusat 10430",
        "(021) 3190 1100",
        WEEKDAY_HOURS_LONG,
        SATURDAY_HOURS,
        ("3173", "3172"),
    ),
    BranchData(
        "B01",
        "Depok",
        "Depok",
        "Jawa Barat",
        "Jl. Margonda Raya No. 212, Depok 16424",
        "(021) 7720 1100",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("3276",),
    ),
    BranchData(
        "B02",
        "Bandung",
        "Bandung",
        "Jawa Barat",
        "Jl. Soekarno-Hatta No. 590, Bandung 40286",
        "(022) 7500 1100",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("3273", "3204"),
    ),
    BranchData(
        "E01",
        "Surabaya",
        "Surabaya",
        "Jawa Timur",
        "Jl. Raya Darmo No. 96, Surabaya 60264",
        "(031) 5600 1100",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("3578",),
    ),
    BranchData(
        "S01",
        "Medan",
        "Medan",
        "Sumatera Utara",
        "Jl. Sisingamangaraja No. 160, Medan 20217",
        "(061) 7800 1100",
        WEEKDAY_HOURS,
        "",
        ("1275",),
    ),
    BranchData(
        "J02",
        "Jakarta Kebon Sirih",
        "Jakarta Pusat",
        "DKI Jakarta",
        "Jl. Kebon Sirih No. 61, Jakarta Pusat 10340",
        "(021) 3190 2200",
        WEEKDAY_HOURS,
        "",
        ("3173",),
    ),
    BranchData(
        "J03",
        "Jakarta Cilandak",
        "Jakarta Selatan",
        "DKI Jakarta",
        "Jl. T.B. Simatupang No. 18, Jakarta Selatan 12430",
        "(021) 7500 3300",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("3171",),
    ),
    BranchData(
        "T01",
        "Tangerang",
        "Tangerang",
        "Banten",
        "Jl. Jenderal Sudirman No. 29, Tangerang 15117",
        "(021) 5570 1100",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("3671", "3603"),
    ),
    BranchData(
        "B03",
        "Bekasi",
        "Bekasi",
        "Jawa Barat",
        "Jl. Ahmad Yani No. 10, Bekasi 17141",
        "(021) 8890 1100",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("3275", "3216"),
    ),
    BranchData(
        "B04",
        "Bogor",
        "Bogor",
        "Jawa Barat",
        "Jl. Pajajaran No. 121, Bogor 16143",
        "(0251) 8300 110",
        WEEKDAY_HOURS,
        "",
        ("3271", "3201"),
    ),
    BranchData(
        "C01",
        "Semarang",
        "Semarang",
        "Jawa Tengah",
        "Jl. Pemuda No. 140, Semarang 50132",
        "(024) 3500 1100",
        WEEKDAY_HOURS,
        "",
        ("3374",),
    ),
    BranchData(
        "C02",
        "Yogyakarta",
        "Yogyakarta",
        "DI Yogyakarta",
        "Jl. Urip Sumoharjo No. 45, Yogyakarta 55222",
        "(0274) 5500 110",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("3471",),
    ),
    BranchData(
        "L01",
        "Denpasar",
        "Denpasar",
        "Bali",
        "Jl. Hayam Wuruk No. 102, Denpasar 80235",
        "(0361) 2300 110",
        WEEKDAY_HOURS,
        "",
        ("5171",),
    ),
    BranchData(
        "M01",
        "Makassar",
        "Makassar",
        "Sulawesi Selatan",
        "Jl. Urip Sumoharjo No. 265, Makassar 90231",
        "(0411) 4500 110",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("7371",),
    ),
    BranchData(
        "S02",
        "Palembang",
        "Palembang",
        "Sumatera Selatan",
        "Jl. Kapten A. Rivai No. 37, Palembang 30129",
        "(0711) 3500 110",
        WEEKDAY_HOURS,
        "",
        ("1671",),
    ),
    BranchData(
        "K01",
        "Balikpapan",
        "Balikpapan",
        "Kalimantan Timur",
        "Jl. Jenderal Sudirman No. 58, Balikpapan 76114",
        "(0542) 7300 110",
        WEEKDAY_HOURS,
        "",
        ("6471",),
    ),
    BranchData(
        "J04",
        "Jakarta Tanjung Priok",
        "Jakarta Utara",
        "DKI Jakarta",
        "Jl. Enggano No. 5, Jakarta Utara 14310",
        "(021) 4390 4400",
        WEEKDAY_HOURS,
        "",
        ("3175",),
    ),
    BranchData(
        "J05",
        "Jakarta Grogol",
        "Jakarta Barat",
        "DKI Jakarta",
        "Jl. Letjen S. Parman No. 33, Jakarta Barat 11470",
        "(021) 5690 5500",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("3174",),
    ),
    BranchData(
        "B05",
        "Karawang",
        "Karawang",
        "Jawa Barat",
        "Jl. Jenderal Ahmad Yani No. 27, Karawang 41315",
        "(0267) 8400 110",
        WEEKDAY_HOURS,
        "",
        ("3215",),
    ),
    BranchData(
        "T02",
        "Tangerang Selatan",
        "Tangerang Selatan",
        "Banten",
        "Jl. Raya Serpong No. 88, Tangerang Selatan 15310",
        "(021) 5310 2200",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("3674",),
    ),
    BranchData(
        "C03",
        "Surakarta",
        "Surakarta",
        "Jawa Tengah",
        "Jl. Slamet Riyadi No. 210, Surakarta 57141",
        "(0271) 7200 110",
        WEEKDAY_HOURS,
        "",
        ("3372",),
    ),
    BranchData(
        "E02",
        "Sidoarjo",
        "Sidoarjo",
        "Jawa Timur",
        "Jl. Jenggolo No. 12, Sidoarjo 61219",
        "(031) 8900 2200",
        WEEKDAY_HOURS,
        "",
        ("3515",),
    ),
    BranchData(
        "E03",
        "Gresik",
        "Gresik",
        "Jawa Timur",
        "Jl. Dr. Wahidin Sudirohusodo No. 70, Gresik 61121",
        "(031) 3900 3300",
        WEEKDAY_HOURS,
        "",
        ("3525",),
    ),
    BranchData(
        "S03",
        "Batam",
        "Batam",
        "Kepulauan Riau",
        "Jl. Engku Putri No. 3, Batam 29461",
        "(0778) 4600 110",
        WEEKDAY_HOURS,
        SATURDAY_HOURS,
        ("2171",),
    ),
    BranchData(
        "S04",
        "Padang",
        "Padang",
        "Sumatera Barat",
        "Jl. Khatib Sulaiman No. 52, Padang 25135",
        "(0751) 7000 110",
        WEEKDAY_HOURS,
        "",
        ("1371",),
    ),
    BranchData(
        "S05",
        "Banda Aceh",
        "Banda Aceh",
        "Aceh",
        "Jl. Teuku Nyak Arief No. 15, Banda Aceh 23116",
        "(0651) 7500 110",
        WEEKDAY_HOURS,
        "",
        ("1171",),
    ),
    BranchData(
        "L02",
        "Mataram",
        "Mataram",
        "Nusa Tenggara Barat",
        "Jl. Langko No. 21, Mataram 83114",
        "(0370) 6300 110",
        WEEKDAY_HOURS,
        "",
        ("5271",),
    ),
    BranchData(
        "N01",
        "Kupang",
        "Kupang",
        "Nusa Tenggara Timur",
        "Jl. El Tari No. 9, Kupang 85111",
        "(0380) 8200 110",
        WEEKDAY_HOURS,
        "",
        ("5371",),
    ),
    BranchData(
        "K02",
        "Banjarmasin",
        "Banjarmasin",
        "Kalimantan Selatan",
        "Jl. Lambung Mangkurat No. 40, Banjarmasin 70111",
        "(0511) 3300 110",
        WEEKDAY_HOURS,
        "",
        ("6371",),
    ),
    BranchData(
        "K03",
        "Pontianak",
        "Pontianak",
        "Kalimantan Barat",
        "Jl. Ahmad Yani No. 66, Pontianak 78124",
        "(0561) 7400 110",
        WEEKDAY_HOURS,
        "",
        ("6171",),
    ),
    BranchData(
        "M02",
        "Manado",
        "Manado",
        "Sulawesi Utara",
        "Jl. Piere Tendean No. 14, Manado 95111",
        "(0431) 8600 110",
        WEEKDAY_HOURS,
        "",
        ("7171",),
    ),
    BranchData(
        "P01",
        "Jayapura",
        "Jayapura",
        "Papua",
        "Jl. Ahmad Yani No. 8, Jayapura 99111",
        "(0967) 5300 110",
        WEEKDAY_HOURS,
        "",
        ("9171",),
    ),
)
