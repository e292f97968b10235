"""The report page's style and its one script, inlined: the page works from a file, with no server
and nothing fetched. Without the script everything shows; with it, "Errors only" hides whatever
is right (anything marked ``ok``) and is remembered in the address (``#errors-only``)."""

STYLE = """
body{font-family:system-ui,sans-serif;font-size:15px;line-height:1.4;max-width:1400px;margin:auto;padding:0 1em}
body{color:#222}
h1{margin-bottom:.2em} h2{border-top:2px solid #999;padding-top:.8em;margin-top:2em} h3{margin:1em 0 .3em}
table{border-collapse:collapse;margin:.3em 0 1em} th,td{border:1px solid #ccc;padding:3px 7px;vertical-align:top}
th{background:#eee;text-align:left} td.n{text-align:right;font-variant-numeric:tabular-nums}
.toolbar{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc;z-index:2}
.toolbar label{font-weight:bold;cursor:pointer}
.errors-only .ok{display:none}
tr.miss td.kind{background:#ffcdd2} tr.spurious td.kind{background:#ffe082} tr.differs td.kind{background:#ffab91}
td.wrong{background:#ffcdd2} .gold{color:#1b5e20} .pred{color:#0d47a1} .sentence{color:#555;font-size:90%}
.diff{font-family:monospace;font-size:90%} .bad{color:#b71c1c;font-weight:bold} .zero{color:#999}
.index th{font-size:85%} .side{display:inline-block;width:49%;vertical-align:top} details{margin:.5em 0}
"""

SCRIPT = """
(function(){
  var box = document.getElementById('errors-only');
  function apply(){
    document.body.classList.toggle('errors-only', box.checked);
    history.replaceState(null, '', box.checked ? '#errors-only' : location.pathname + location.search);
  }
  box.checked = location.hash === '#errors-only';
  document.body.classList.toggle('errors-only', box.checked);
  box.addEventListener('change', apply);
})();
"""
