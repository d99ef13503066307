import DescentCLI

Interruption.install()
DescentCommand.main()
