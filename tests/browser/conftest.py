# node_modules holds thousands of files and no Python tests.
collect_ignore = ["node_modules"]
