"""Sites installed before v0.9: ERPNext's and HRMS's onboarding cards, in English, hidden."""

from insertion_erp.install.install import hide_onboarding


def execute() -> None:
	hide_onboarding()
