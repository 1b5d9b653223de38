"""The README documents every command and option users can type."""

from pathlib import Path

import typer.main

from newsgraph.cli import app

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_in_the_readme() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f"newsgraph {name}" in README, name
        for param in command.params:
            for option in param.opts:
                if option.startswith("--"):
                    assert f"`{option}`" in README, f"{name} {option}"


def test_readme_starts_with_the_install_and_test_commands() -> None:
    blocks = README.split("```")
    assert "newsgraph demo" in blocks[1] and "pip install" in blocks[1]
    assert "pytest" in blocks[3]
