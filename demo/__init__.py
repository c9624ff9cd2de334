"""The demo site: its content as data (``data/*.yaml``) and the ``seed_demo`` command
that loads it through the apps' services. Development and test settings only."""
