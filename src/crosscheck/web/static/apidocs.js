// Renders /openapi.json as a list of endpoints with a small "try it" form. Offline; DOM APIs only.
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function resolve(spec, schema) {
    if (schema && schema.$ref) {
      var name = schema.$ref.split("/").pop();
      return (spec.components && spec.components.schemas && spec.components.schemas[name]) || {};
    }
    return schema || {};
  }

  function typeOf(spec, schema) {
    schema = resolve(spec, schema);
    if (schema.anyOf) return schema.anyOf.map(function (s) { return typeOf(spec, s); }).filter(function (t) { return t !== "null"; }).join(" | ");
    if (schema.enum) return schema.enum.join(" | ");
    return schema.type || "any";
  }

  function operation(spec, path, method, op) {
    var params = op.parameters || [];
    var inputs = {};
    var rows = params.map(function (p) {
      var schema = p.schema || {};
      var input = el("input", { name: p.name, placeholder: schema.default !== undefined ? String(schema.default) : "",
        "aria-label": p.name });
      inputs[p.name] = { input: input, where: p.in };
      return el("tr", {}, [
        el("td", {}, [el("code", { text: p.name }), p.required ? el("span", { text: " *" }) : null]),
        el("td", { text: p.in }), el("td", { text: typeOf(spec, schema) }),
        el("td", { text: p.description || (schema.description || "") }), el("td", {}, [input])]);
    });
    var out = el("pre", { hidden: "hidden" });
    var button = el("button", { type: "button", text: "Send" });
    button.addEventListener("click", function () {
      var url = path;
      var query = new URLSearchParams();
      Object.keys(inputs).forEach(function (name) {
        var v = inputs[name].input.value;
        if (inputs[name].where === "path") url = url.replace("{" + name + "}", encodeURIComponent(v));
        else if (v !== "") query.append(name, v);
      });
      var qs = query.toString();
      url += qs ? "?" + qs : "";
      out.hidden = false;
      out.textContent = "GET " + url + " …";
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.text().then(function (t) { return [r.status, t]; }); })
        .then(function (res) {
          var body = res[1];
          try { body = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* not JSON */ }
          out.textContent = "GET " + url + "  →  " + res[0] + "\n\n" + body;
        })
        .catch(function (err) { out.textContent = "GET " + url + " failed: " + err; });
    });
    var table = rows.length ? el("table", {}, [el("thead", {}, [el("tr", {}, ["name", "in", "type", "meaning", "value"].map(function (h) {
      return el("th", { text: h });
    }))]), el("tbody", {}, rows)]) : el("p", { class: "muted", text: "no parameters" });
    return el("section", { class: "op" }, [
      el("div", {}, [el("span", { class: "method", text: method.toUpperCase() }), el("span", { class: "opath", text: path })]),
      el("p", { text: op.summary || op.operationId || "" }), table, button, out]);
  }

  function render(spec) {
    var root = document.getElementById("api-docs");
    root.textContent = "";
    root.appendChild(el("p", { class: "muted", text: (spec.info && spec.info.title || "") + " " +
      (spec.info && spec.info.version || "") + " · OpenAPI " + (spec.openapi || "") }));
    Object.keys(spec.paths || {}).sort().forEach(function (path) {
      var item = spec.paths[path];
      Object.keys(item).forEach(function (method) {
        root.appendChild(operation(spec, path, method, item[method]));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fetch("/openapi.json").then(function (r) { return r.json(); }).then(render).catch(function (err) {
      var root = document.getElementById("api-docs");
      root.textContent = "Could not load /openapi.json: " + err;
    });
  });
})();
