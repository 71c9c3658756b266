"""Files the data points to: recipe photos (checked, resized) and the theme's pictograms."""
