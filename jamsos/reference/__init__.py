"""Reference data: regions with their minimum wages, and branch offices."""
