"""The commands `jamsos NAME` runs: demo_data and the batch jobs to come."""
