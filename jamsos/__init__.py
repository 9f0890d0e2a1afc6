"""jamsos: a platform for running a worker social-security scheme."""
