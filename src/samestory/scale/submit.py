"""Entry script for `spark-submit`, which runs a file, not a module (docs/spark.md).

JOB=$(python -c 'import samestory.scale.submit as s; print(s.__file__)')
spark-submit --master yarn ... "$JOB" --input 's3a://bucket/cc-news/*.warc.gz' --output OUT
"""

from samestory.scale.job import main

if __name__ == "__main__":
    main()
