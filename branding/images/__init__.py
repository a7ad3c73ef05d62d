"""Logo concepts painted by an image model, verified, kept with the kit and traced to vectors."""
