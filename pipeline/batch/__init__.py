"""The batch job behind ``battery-extract batch``: many articles in, records and Parquet tables out.

One module per job: ``inputs`` and ``readers`` stream the inputs, ``validation`` checks each one
(``idindex`` remembers ids), ``engines``/``dask_engine`` run ``worker`` where the model is,
``pieces`` handles articles over ``nlp.max_length``, ``results``/``tables`` shape a chunk's output,
``store`` and ``ledger`` commit it atomically, ``manifest`` and ``progress`` report, ``run`` ties
them together. ``bench`` and ``textgen`` are the benchmark and its generated articles.
"""
