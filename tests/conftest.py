# The policy files under tests/policy run as pytest items through the package's own plugin. Installed, the
# package registers it as an entry point under the same name, so it is loaded once either way.
pytest_plugins = ["samverkan.pytest_plugin"]
