"""Annotations to HTML: the highlighted article, legend, reasons and handouts; categories and colours."""
