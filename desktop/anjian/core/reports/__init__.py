"""Reports as data (sections of rows), and their HTML; the PDF is drawn by ``anjian.ui``."""
