// The JSON API (docs/api.md) and the browser session (docs/web.md), for the
// pages. Every call goes through request(): it sends the session's CSRF token
// on every call that is not GET, turns Google's JSON errors into ApiError, and
// sends a signed-out user to the login page, back here afterwards.

let csrfToken = "";

// An error of the API, as the server said it.
export class ApiError extends Error {
  constructor(httpStatus, body) {
    const error = (body && body.error) || {};
    super(error.message || `HTTP ${httpStatus}`);
    this.httpStatus = httpStatus;
    this.status = error.status || "";  // "INVALID_ARGUMENT", "ABORTED" …
    this.details = error.details || [];
  }

  // The google.rpc.BadRequest field violations: [{field, description}].
  get fieldViolations() {
    const violations = [];
    for (const detail of this.details) {
      if (detail["@type"] === "type.googleapis.com/google.rpc.BadRequest") {
        violations.push(...(detail.fieldViolations || []));
      }
    }
    return violations;
  }
}

export function setCsrfToken(token) {
  csrfToken = token || "";
}

// The login page, with the page to come back to.
export function loginUrl(next = location.pathname + location.search) {
  return "/login.html?next=" + encodeURIComponent(next);
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? "?" + text : "";
}

export async function request(method, path, { params, body, redirectOnSignOut = true } = {}) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") headers["X-CSRF-Token"] = csrfToken;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path + query(params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (e) {
    throw new ApiError(0, { error: { status: "UNAVAILABLE", message: "サーバーに接続できません。" } });
  }
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch (e) {
    json = { error: { message: text } };
  }
  if (response.status === 401 && redirectOnSignOut) {
    // The session ended (expired or signed out in another tab).
    location.assign(loginUrl());
    throw new ApiError(401, json);
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = (path, params, options) => request("GET", path, { params, ...options });
export const post = (path, body, params) => request("POST", path, { body: body || {}, params });
export const patch = (path, body, params) => request("PATCH", path, { body, params });
export const del = (path, params) => request("DELETE", path, { params });

// `/v1/` + a resource name: "organizations/7" → "/v1/organizations/7".
export const v1 = (name) => "/v1/" + name;

// One page of a list: {items, nextPageToken}.
export async function listPage(path, key, params) {
  const answer = await get(path, params);
  return { items: answer[key] || [], nextPageToken: answer.nextPageToken || "" };
}

// Every item of a list, following nextPageToken (a page may be short when
// the caller may not see some records: keep going until the token is empty).
export async function listAll(path, key, params = {}, { pageSize = 1000, limit = Infinity } = {}) {
  const items = [];
  let pageToken = "";
  do {
    const page = await listPage(path, key, { ...params, pageSize, pageToken });
    items.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken && items.length < limit);
  return items;
}

// The session of this browser, or null when signed out.
export async function session() {
  try {
    const answer = await request("GET", "/web/session", { redirectOnSignOut: false });
    setCsrfToken(answer.csrfToken);
    return answer.identity || null;
  } catch (e) {
    if (e.httpStatus === 401) return null;
    throw e;
  }
}

export async function login(username, password) {
  const answer = await request("POST", "/web/login", {
    body: { username, password },
    redirectOnSignOut: false,
  });
  setCsrfToken(answer.csrfToken);
  return answer.identity;
}

export async function logout() {
  await request("POST", "/web/logout", { body: {}, redirectOnSignOut: false });
  setCsrfToken("");
}
