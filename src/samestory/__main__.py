from samestory.serve.cli import main

main()
