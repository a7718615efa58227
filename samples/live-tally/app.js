// A live tally front end for the governance API: plain browser JavaScript, no build step, no dependencies.
// The token stays in this page's memory only: it is never stored and never put in a URL.
"use strict";

const choices = ["yes", "no", "abstain"];
const reconnectDelaysMs = [1000, 2000, 5000, 10000];

const session = { api: "", cooperative: "", token: "", member: "" };
let view = null; // The proposal on screen: { id, source, closed, failures, reconnect }.

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

/** A failed request, worded for the person at the screen. */
class ApiError extends Error {}

function showError(error) {
  const element = byTestId("error");
  element.textContent = error instanceof ApiError ? error.message : `Unexpected error: ${error.message}`;
  element.hidden = false;
}

function clearError() {
  byTestId("error").hidden = true;
  byTestId("error").textContent = "";
}

/** Calls the API as the signed-in member; a problem details body or a network failure becomes an ApiError. */
async function request(method, path, body) {
  const headers = { Authorization: `Bearer ${session.token}` };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }

  let response;
  try {
    response = await fetch(session.api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    // A browser tells a script nothing more: the server is down, unreachable, or refused this origin (CORS).
    throw new ApiError(
      `Could not reach ${session.api}: the API is not running there, or it refused this page's origin (${location.origin}). ` +
      "An operator allows an origin with Api__Cors__AllowedOrigins.");
  }

  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }

  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not every failure has a problem details body; the status still says what happened.
  }
  const title = problem.title || response.statusText || "Request failed";
  const code = problem.code ? `, ${problem.code}` : "";
  const detail = problem.detail ? `: ${problem.detail}` : "";
  throw new ApiError(`${title} (${response.status}${code})${detail}`);
}

/** The member id a self-hosted token carries as "sub"; other providers may name another claim, so it can be typed in. */
function subjectOf(token) {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, "="))).sub || "";
  } catch {
    return "";
  }
}

async function signIn(event) {
  event.preventDefault();
  clearError();
  const form = event.target.elements;
  closeProposal();
  session.api = form.api.value.trim().replace(/\/+$/, "");
  session.cooperative = form.cooperative.value.trim();
  session.token = form.token.value.trim();
  session.member = form.member.value.trim() || subjectOf(session.token);
  byTestId("token").value = "";
  byTestId("session").hidden = true;
  if (!session.member) {
    showError(new ApiError("The token names no member (no \"sub\" claim): type the member id."));
    return;
  }

  try {
    await listOpenProposals();
  } catch (error) {
    showError(error);
  }
}

async function listOpenProposals() {
  const proposals = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ status: "voting" });
    if (cursor) {
      query.set("cursor", cursor);
    }
    const page = await request("GET", `/v1/cooperatives/${encodeURIComponent(session.cooperative)}/proposals?${query}`);
    proposals.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);

  const list = byTestId("proposals");
  list.replaceChildren(...proposals.map((proposal) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = proposal.title;
    button.dataset.testid = `proposal-${proposal.id}`;
    button.addEventListener("click", () => openProposal(proposal));
    const item = document.createElement("li");
    item.append(button);
    return item;
  }));
  byTestId("no-proposals").hidden = proposals.length > 0;
  byTestId("member").textContent = session.member;
  byTestId("session").hidden = false;
}

function proposalPath(id) {
  return `/v1/cooperatives/${encodeURIComponent(session.cooperative)}/proposals/${encodeURIComponent(id)}`;
}

function openProposal(proposal) {
  clearError();
  closeProposal();
  view = { id: proposal.id, source: null, closed: false, failures: 0, reconnect: null };
  byTestId("proposal-title").textContent = proposal.title;
  byTestId("my-vote").hidden = true;
  render({ status: proposal.status, counts: { yes: 0, no: 0, abstain: 0 }, participation: 0, eligible: 0, outcome: null });
  byTestId("proposal").hidden = false;
  connect(view);
}

function closeProposal() {
  if (view) {
    clearTimeout(view.reconnect);
    view.source?.close();
    view.closed = true;
    view = null;
  }
  byTestId("proposal").hidden = true;
}

/** Opens the tally stream with a fresh ticket: EventSource cannot send the token, and a ticket lasts one minute. */
async function connect(current) {
  byTestId("connection").textContent = "connecting";
  try {
    const path = `${proposalPath(current.id)}/tally/stream`;
    const ticket = await request("POST", `/v1/cooperatives/${encodeURIComponent(session.cooperative)}/stream-tickets`, { path });
    if (current !== view) {
      return;
    }
    const source = new EventSource(session.api + ticket.url);
    current.source = source;
    source.addEventListener("open", () => {
      current.failures = 0;
      byTestId("connection").textContent = "live";
    });
    source.addEventListener("tally", (message) => {
      const tally = JSON.parse(message.data);
      render(tally);
      if (tally.status === "closed") {
        // The final tally is the last message; without this, EventSource would reconnect once the stream ends.
        current.closed = true;
        source.close();
        byTestId("connection").textContent = "";
      }
    });
    source.addEventListener("error", () => {
      // The stream broke or its ticket ran out: start again with a new ticket rather than retry the old one.
      source.close();
      reconnectLater(current);
    });
  } catch (error) {
    showError(error);
    reconnectLater(current);
  }
}

function reconnectLater(current) {
  if (current !== view || current.closed) {
    return;
  }
  const delay = reconnectDelaysMs[Math.min(current.failures, reconnectDelaysMs.length - 1)];
  current.failures += 1;
  byTestId("connection").textContent = "reconnecting";
  current.reconnect = setTimeout(() => connect(current), delay);
}

function render(tally) {
  const total = Math.max(tally.eligible, 1);
  for (const choice of choices) {
    const count = tally.counts[choice];
    byTestId(`count-${choice}`).textContent = String(count);
    byTestId(`bar-${choice}`).style.width = `${(100 * count) / total}%`;
  }
  byTestId("participation").textContent = String(tally.participation);
  byTestId("eligible").textContent = String(tally.eligible);
  byTestId("status").textContent = tally.status;
  byTestId("outcome").textContent = tally.outcome ?? "";
  document.getElementById("outcome-line").hidden = tally.status !== "closed";
  for (const choice of choices) {
    byTestId(`vote-${choice}`).disabled = tally.status !== "voting";
  }
}

async function vote(choice) {
  clearError();
  const current = view;
  try {
    await request("PUT", `${proposalPath(current.id)}/votes/${encodeURIComponent(session.member)}`, { choice });
    if (current === view) {
      byTestId("my-vote").textContent = `Your vote: ${choice}`;
      byTestId("my-vote").hidden = false;
    }
  } catch (error) {
    showError(error);
  }
}

document.getElementById("sign-in").addEventListener("submit", signIn);
for (const choice of choices) {
  byTestId(`vote-${choice}`).addEventListener("click", () => vote(choice));
}
