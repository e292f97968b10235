"""Web inputs: HTML pages and WARC archives turned into articles (main text, title, date, URL, site),
with a relevance gate that skips pages that are not battery or EV news before any model runs."""
