"use strict";
// The page of `rectlint serve`: sends the draft to /v1/check for the HTML report, to
// /v1/annotate for the annotated .docx and, for a text, to /v1/fix for the repaired text.
// Nothing is loaded from anywhere but this server.
(function () {
  const form = document.getElementById("form");
  const fileInput = document.getElementById("file");
  const textInput = document.getElementById("text");
  const result = document.getElementById("result");
  const statusLine = document.getElementById("status");
  const report = document.getElementById("report");
  const repairs = document.getElementById("repairs");
  const word = document.getElementById("word");
  const plain = document.getElementById("plain");
  const download = document.getElementById("download");
  const downloadText = document.getElementById("download-text");
  const unsafe = document.getElementById("unsafe");
  // Drafts a Word copy with comments can be made of (a .doc, .wps, .odt or .rtf through LibreOffice).
  const WORD = /\.(docx|docm|doc|wps|odt|rtf)$/i;
  const TEXT = /\.(txt|md|markdown)$/i;
  const revisions = document.getElementById("revisions");
  const tokenInput = document.getElementById("token");

  if (document.body.dataset.token === "required") {
    document.getElementById("token-row").hidden = false;
  }

  function say(message, failed) {
    result.hidden = false;
    statusLine.textContent = message;
    statusLine.classList.toggle("failed", Boolean(failed));
  }

  function headers() {
    const token = tokenInput.value.trim();
    return token ? { Authorization: "Bearer " + token } : {};
  }

  // The report is a document of its own (its styles apart from the page's), shown at its full
  // height so that the page, not a box inside it, scrolls. Its height follows what it shows
  // (a list opened, categories hidden).
  let sizer = null;
  function fitReport() {
    const shown = report.contentDocument;
    if (!shown || !shown.documentElement) return;
    const fit = function () { report.style.height = shown.documentElement.scrollHeight + "px"; };
    fit();
    if (sizer) sizer.disconnect();
    sizer = new ResizeObserver(fit);
    sizer.observe(shown.documentElement);
    // A link to a finding (its number in the text, its place in the list): in a report given
    // as srcdoc, "#l3" would resolve against this page's address and load the page into the
    // frame. The link moves the report's own :target instead, and the page, not the frame,
    // scrolls the finding into view.
    shown.addEventListener("click", function (event) {
      const link = event.target.closest && event.target.closest('a[href^="#"]');
      const target = link && shown.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      event.preventDefault();
      report.contentWindow.location.hash = link.getAttribute("href");
      target.scrollIntoView({ block: "center" });
    });
  }
  report.addEventListener("load", fitReport);

  function chosenFile() {
    return fileInput.files.length ? fileInput.files[0] : null;
  }

  function draft() {
    const data = new FormData();
    const file = chosenFile();
    if (file) {
      data.append("file", file);
    } else {
      data.append("text", textInput.value);
    }
    data.append("kind", document.getElementById("kind").value);
    return data;
  }

  async function failure(response) {
    try {
      const body = await response.json();
      return body.error.message;
    } catch (e) {
      return "服务器返回错误 " + response.status;
    }
  }

  // POST the draft for a file: the response when it came, else null with the status saying why.
  async function ask(url, data, busy) {
    say(busy);
    const response = await post(url, data);
    if (response && !response.ok) {
      say(await failure(response), true);
      return null;
    }
    return response;
  }

  // A file the server made, saved by the browser under `name`.
  function save(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return name;
  }

  async function post(url, body) {
    try {
      return await fetch(url, { method: "POST", body: body, headers: headers() });
    } catch (e) {
      say("无法连接检查服务，请确认服务仍在运行。", true);
      return null;
    }
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const file = chosenFile();
    if (!file && !textInput.value.trim()) {
      say("请先选择文稿文件，或粘贴文稿。", true);
      return;
    }
    say("正在检查……");
    repairs.hidden = true;
    const response = await post("/v1/check?format=html", draft());
    if (!response) return;
    if (!response.ok) {
      report.removeAttribute("srcdoc");
      report.style.height = "0";
      say(await failure(response), true);
      return;
    }
    report.srcdoc = await response.text();
    say("检查完成，报告如下。把鼠标移到标出的文字上可看到问题说明。");
    word.hidden = !(file && WORD.test(file.name));
    plain.hidden = Boolean(file) && !TEXT.test(file.name);  // a text: its repairs can be downloaded as text
    repairs.hidden = word.hidden && plain.hidden;
    result.scrollIntoView({ block: "start" });
  });

  download.addEventListener("click", async function () {
    const file = chosenFile();
    if (!file) return;
    const data = draft();
    if (revisions.checked || unsafe.checked) data.append("revisions", "true");
    if (unsafe.checked) data.append("unsafe_fixes", "true");
    const response = await ask("/v1/annotate", data, "正在生成批注稿……");
    if (!response) return;
    const name = save(await response.blob(), file.name.replace(WORD, "") + ".rectlint.docx");
    say("批注稿已下载：" + name + "（" + response.headers.get("X-Rectlint-Comments") + " 条批注，"
        + response.headers.get("X-Rectlint-Revisions") + " 处修订）。");
  });

  // Checking the repairs that need review asks for tracked changes too: they are written as nothing else.
  unsafe.addEventListener("change", function () {
    if (unsafe.checked) revisions.checked = true;
  });

  downloadText.addEventListener("click", async function () {
    const data = draft();
    if (unsafe.checked) data.append("unsafe_fixes", "true");
    const response = await ask("/v1/fix", data, "正在修复……");
    if (!response) return;
    const fixes = Number(response.headers.get("X-Rectlint-Fixes"));
    if (!fixes) {
      say(unsafe.checked ? "没有可以自动修复的问题。"
                         : "没有可以放心自动修复的问题；勾选“也包括需要核对的修复”后可再试。");
      return;
    }
    const file = chosenFile();
    const name = save(new Blob([await response.arrayBuffer()], { type: "text/plain;charset=utf-8" }),
                      file ? file.name.replace(/(\.[^.]*)$/, "（修改后）$1") : "修改后的文稿.txt");
    say("已下载修改后的文本：" + name + "（" + fixes + " 处修复，余下 "
        + response.headers.get("X-Rectlint-Findings") + " 个问题请对照报告修改）。");
  });
})();
