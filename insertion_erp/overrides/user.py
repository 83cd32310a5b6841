"""User (frappe): a shop staff member's desk holds their work only (landing.py)."""

from insertion_erp.landing import fit_shop_staff_desk

__all__ = ["fit_shop_staff_desk"]
