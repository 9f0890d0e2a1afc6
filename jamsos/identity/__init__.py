"""Identity: the user model, password hashing; later sign-on, second factors and sessions."""
