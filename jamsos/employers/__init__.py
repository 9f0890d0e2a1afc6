"""Employers (pemberi kerja): registration number, risk class, industry, branch and region."""
