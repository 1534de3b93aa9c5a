"""Tools for tests, benchmarks and screenshots: synthetic briefings and named scenes.
Not part of the installed package."""
