from samestory.cli.app import main

main()
