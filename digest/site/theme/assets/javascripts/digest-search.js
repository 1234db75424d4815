// digest: Material's search box answered by Pagefind's JavaScript API (pagefind/pagefind.js,
// written by the site build). Pagefind loads only the index chunks and result fragments a query
// needs, so the first result comes as quickly with 10,000 briefings as with 100.
//
// Result text comes from article text, which is untrusted: titles are set as text, and an
// excerpt is rebuilt from its text and its <mark> highlights only, never assigned as HTML.
(function () {
  "use strict";
  const form = document.querySelector("form[name='digest-search']");
  if (!form) return;
  const input = form.querySelector("input[name='query']");
  const meta = document.querySelector("[data-digest-search] .md-search-result__meta");
  const list = document.querySelector("[data-digest-search] .md-search-result__list");
  const toggle = document.getElementById("__search");
  const root = new URL(form.dataset.root.replace(/\/?$/, "/"), window.location.href);
  const PAGE = 10;
  let pagefind = null;
  let shown = { results: [], next: 0 };
  let generation = 0; // bumped by every query: results of an older one are dropped

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async (module) => {
        await module.options({ baseUrl: root.pathname, excerptLength: 24 });
        module.init();
        await mergeOtherLanguages(module);
        return module;
      });
    }
    return pagefind;
  }

  async function mergeOtherLanguages(module) {
    // Pagefind keeps one index per page language (so Chinese is cut into words) and searches the
    // current page's; the others are merged in, so a search finds briefings in every language.
    // The bundle is the same: its path is written differently, as Pagefind merges no index twice.
    let entry;
    try {
      entry = await (await fetch(new URL("pagefind/pagefind-entry.json", root))).json();
    } catch (error) {
      return;
    }
    const here = (document.documentElement.lang || "").split("-")[0].toLowerCase();
    for (const language of Object.keys(entry.languages || {})) {
      if (language.split("-")[0].toLowerCase() !== here) {
        await module.mergeIndex(`${root.pathname}pagefind/./`, { language });
      }
    }
  }

  function plural(count) {
    if (count === 0) return form.dataset.none;
    if (count === 1) return form.dataset.one;
    return form.dataset.other.replace("#", String(count));
  }

  function excerptNodes(html) {
    // DOMParser builds an inert document: nothing in it loads or runs.
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
    const nodes = [];
    for (const node of parsed.body.firstChild.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(node.textContent));
      }
    }
    return nodes;
  }

  function sameSite(url) {
    const target = new URL(url, root);
    return target.origin === root.origin && target.pathname.startsWith(root.pathname) ? target.href : null;
  }

  function resultItem(data) {
    const href = sameSite(data.url);
    if (!href) return null;
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = href;
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    const excerpt = document.createElement("p");
    excerpt.append(...excerptNodes(data.excerpt || ""));
    article.append(title, excerpt);
    link.append(article);
    item.append(link);
    return item;
  }

  function removeMoreButton() {
    const more = document.querySelector("[data-digest-search] .digest-search-more");
    if (more) more.remove();
  }

  async function showMore() {
    const asked = generation;
    const next = shown.results.slice(shown.next, shown.next + PAGE);
    shown.next += next.length;
    const items = (await Promise.all(next.map((result) => result.data()))).map(resultItem);
    if (asked !== generation) return;
    list.append(...items.filter(Boolean));
    removeMoreButton();
    if (shown.next < shown.results.length) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button digest-search-more";
      button.textContent = "More results";
      button.addEventListener("click", showMore);
      list.after(button);
    }
  }

  async function search() {
    generation += 1;
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      removeMoreButton();
      meta.textContent = form.dataset.placeholder;
      return;
    }
    let found;
    try {
      found = await (await loadPagefind()).debouncedSearch(query, {}, 80);
    } catch (error) {
      meta.textContent = `Search is unavailable here (${error.message}); open the site through a web server.`;
      return;
    }
    if (found === null || input.value.trim() !== query) return; // a newer query took over
    shown = { results: found.results, next: 0 };
    meta.textContent = plural(found.results.length);
    list.replaceChildren();
    await showMore();
  }

  function resultLinks() {
    return Array.from(list.querySelectorAll(".md-search-result__link"));
  }

  function typing(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  function open() {
    input.focus(); // its focus handler opens the box and starts loading Pagefind
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("input", search);
  input.addEventListener("focus", () => {
    toggle.checked = true; // as Material does: the box opens, and Escape and the arrow keys apply
    loadPagefind().catch(() => {});
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = resultLinks()[0];
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", () => setTimeout(search, 0));
  toggle.addEventListener("change", () => (toggle.checked ? open() : close()));
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) toggle.checked = false;
  });
  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (!toggle.checked) {
      if (["/", "s", "f"].includes(event.key) && !typing(event.target)) {
        event.preventDefault();
        open();
      }
      return;
    }
    const links = resultLinks();
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      close();
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && links.length) {
      event.preventDefault();
      (at <= 0 ? input : links[at - 1]).focus();
    }
  });
})();
