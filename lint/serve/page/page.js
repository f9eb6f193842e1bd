"use strict";
// The page of `rectlint serve`: sends the draft to /v1/check for the HTML report and to
// /v1/annotate for the annotated .docx. Nothing is loaded from anywhere but this server.
(function () {
  const form = document.getElementById("form");
  const fileInput = document.getElementById("file");
  const textInput = document.getElementById("text");
  const result = document.getElementById("result");
  const statusLine = document.getElementById("status");
  const report = document.getElementById("report");
  const word = document.getElementById("word");
  const download = document.getElementById("download");
  // Drafts a Word copy with comments can be made of (a .doc, .wps, .odt or .rtf through LibreOffice).
  const WORD = /\.(docx|docm|doc|wps|odt|rtf)$/i;
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
    word.hidden = true;
    const response = await post("/v1/check?format=html", draft());
    if (!response) return;
    if (!response.ok) {
      report.removeAttribute("srcdoc");
      say(await failure(response), true);
      return;
    }
    report.srcdoc = await response.text();
    say("检查完成，报告如下。把鼠标移到标出的文字上可看到问题说明。");
    word.hidden = !(file && WORD.test(file.name));
    result.scrollIntoView({ block: "start" });
  });

  download.addEventListener("click", async function () {
    const file = chosenFile();
    if (!file) return;
    const data = draft();
    if (revisions.checked) data.append("revisions", "true");
    say("正在生成批注稿……");
    const response = await post("/v1/annotate", data);
    if (!response) return;
    if (!response.ok) {
      say(await failure(response), true);
      return;
    }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = file.name.replace(WORD, "") + ".rectlint.docx";
    document.body.appendChild(link);
    link.click();
    link.remove();
    say("批注稿已下载：" + link.download + "（" + response.headers.get("X-Rectlint-Comments") + " 条批注）。");
  });
})();
