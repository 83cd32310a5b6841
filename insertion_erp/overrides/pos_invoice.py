"""POS Invoice (ERPNext): the trainee who served, checked at the till."""

from insertion_erp.shop_floor.sales import check_served_by

__all__ = ["check_served_by"]
