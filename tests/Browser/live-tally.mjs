// Drives samples/live-tally in Debian's chromium, as a member would, from an allowed origin and from a refused one.
// Started by tests/System.Tests with its input as JSON on stdin; prints what the page showed as JSON on the last line
// of stdout, and exits non-zero at the first step that does not happen within its timeout.
import { chromium } from "playwright-core";

const stepTimeoutMs = 10_000;
// Chromium retries a broken EventSource after 3 s unless told otherwise: wait longer to see that it does not.
const reconnectWindowMs = 3_500;

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => { text += chunk; });
  process.stdin.on("end", () => resolve(text));
}));

const log = (message) => console.error(`[live-tally] ${message}`);

const browser = await chromium.launch({
  executablePath: input.chromium,
  headless: true,
  // The machine has no network beyond loopback: nothing in the background may try to reach one.
  args: [
    ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
  ],
});

try {
  const allowed = await voteFromAllowedOrigin();
  // While the proposal is still open, so that only the origin can stop the refused page's vote.
  const refused = await tryFromRefusedOrigin();
  console.log(JSON.stringify({ allowed: await watchTheClose(allowed), refused }));
} finally {
  await browser.close();
}

async function newPage(name) {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(stepTimeoutMs);
  page.on("console", (message) => log(`${name} console ${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => log(`${name} page error: ${error.message}`));
  return page;
}

async function signIn(page, origin, token) {
  await page.goto(`${origin}/index.html`);
  await page.getByTestId("api-base").fill(input.api);
  await page.getByTestId("cooperative").fill(input.cooperative);
  await page.getByTestId("token").fill(token);
  await page.getByTestId("sign-in").click();
}

async function textOf(page, testId) {
  return (await page.getByTestId(testId).textContent()).trim();
}

/** Waits until every [data-testid] named in <expected> shows exactly that text. */
async function waitForTexts(page, step, expected) {
  log(`waiting for ${step}: ${JSON.stringify(expected)}`);
  try {
    await page.waitForFunction(
      (wanted) => Object.entries(wanted).every(([id, text]) => document.querySelector(`[data-testid="${id}"]`)?.textContent.trim() === text),
      expected,
      { timeout: stepTimeoutMs });
  } catch (error) {
    const shown = {};
    for (const id of [...Object.keys(expected), "error", "connection"]) {
      shown[id] = await textOf(page, id);
    }
    throw new Error(`${step}: the page shows ${JSON.stringify(shown)} instead of ${JSON.stringify(expected)}`, { cause: error });
  }
}

function countsShown(counts) {
  return { "count-yes": String(counts.yes), "count-no": String(counts.no), "count-abstain": String(counts.abstain) };
}

async function api(method, path, token, body) {
  const response = await fetch(input.api + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
}

async function voteFromAllowedOrigin() {
  const page = await newPage("allowed");
  const streamRequests = [];
  page.on("request", (request) => {
    if (request.url().includes("/tally/stream")) {
      streamRequests.push(Date.now());
    }
  });

  await signIn(page, input.allowed.origin, input.allowed.token);
  await page.getByTestId(`proposal-${input.proposal}`).waitFor();
  const listed = await page.locator('[data-testid="proposals"] button').evaluateAll((buttons) => buttons.map((button) => button.dataset.testid));
  if (JSON.stringify(listed) !== JSON.stringify([`proposal-${input.proposal}`])) {
    throw new Error(`The open proposals listed are ${JSON.stringify(listed)}, not only ${input.proposal}.`);
  }

  await page.getByTestId(`proposal-${input.proposal}`).click();
  const counts = { yes: 0, no: 0, abstain: 0 };
  await waitForTexts(page, "the first tally", { status: "voting", eligible: String(input.eligible), ...countsShown(counts), connection: "live" });

  await page.getByTestId("vote-yes").click();
  counts.yes += 1;
  await waitForTexts(page, "the page's own vote", { ...countsShown(counts), participation: "1", "my-vote": "Your vote: yes" });
  const yesWidthAfterOwnVote = await page.getByTestId("bar-yes").evaluate((bar) => bar.style.width);

  for (const other of input.otherVotes) {
    await api("PUT", `/v1/cooperatives/${input.cooperative}/proposals/${input.proposal}/votes/${other.member}`, other.token, { choice: other.choice });
    counts[other.choice] += 1;
    await waitForTexts(page, `${other.member}'s vote`, countsShown(counts));
  }

  return { page, counts, streamRequests, yesWidthAfterOwnVote };
}

async function watchTheClose({ page, counts, streamRequests, yesWidthAfterOwnVote }) {
  await api("POST", `/v1/cooperatives/${input.cooperative}/proposals/${input.proposal}/close`, input.adminToken);
  await waitForTexts(page, "the final tally", { status: "closed", outcome: input.expectedOutcome, ...countsShown(counts), connection: "" });
  const closedAt = Date.now();
  await page.waitForTimeout(reconnectWindowMs);
  const reopened = streamRequests.filter((time) => time > closedAt).length;
  if (reopened > 0) {
    throw new Error(`The page opened the stream ${reopened} more time(s) after the final tally.`);
  }

  return {
    status: await textOf(page, "status"),
    outcome: await textOf(page, "outcome"),
    counts: Object.fromEntries(await Promise.all(["yes", "no", "abstain"].map(async (choice) => [choice, Number(await textOf(page, `count-${choice}`))]))),
    participation: Number(await textOf(page, "participation")),
    eligible: Number(await textOf(page, "eligible")),
    yesWidthAfterOwnVote,
    voteButtonsDisabled: await page.getByTestId("vote-yes").isDisabled(),
  };
}

async function tryFromRefusedOrigin() {
  const page = await newPage("refused");
  await signIn(page, input.refused.origin, input.refused.token);
  await page.getByTestId("error").waitFor();
  const error = await textOf(page, "error");

  // What the page itself would send to vote: the browser refuses it before the request leaves.
  const voteFromScript = await page.evaluate(async ({ url, token }) => {
    try {
      const response = await fetch(url, {
        method: "PUT",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ choice: "no" }),
      });
      return `answered ${response.status}`;
    } catch (failure) {
      return `failed: ${failure.name}`;
    }
  }, { url: `${input.api}/v1/cooperatives/${input.cooperative}/proposals/${input.proposal}/votes/${input.refused.member}`, token: input.refused.token });

  return { error, sessionShown: await page.getByTestId("session").isVisible(), voteFromScript };
}
