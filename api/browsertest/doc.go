// Package browsertest is claimgraph's harness for tests that look at the web pages the
// way a person does: in a real headless Chromium (Debian's `chromium`), driven from Go
// with chromedp.
//
// It gives tests five things:
//   - StartServer: the claimgraph API and web app on an embedded store in a temporary
//     directory, loaded with the seed corpus (corpus.Default), on a free loopback port;
//   - NewBrowser and Browser.NewTab: a headless Chromium and tabs that record every
//     console message, uncaught exception, JavaScript dialog and Content-Security-Policy
//     report, so a test can assert that a page ran nothing it should not;
//   - ServeSite: static pages on http://localhost:PORT, another site than the server
//     on 127.0.0.1, for pages that embed claimgraph across sites;
//   - Tab.Screenshot: PNG screenshots of the viewport or the whole page;
//   - Tab.Axe: axe-core (from npm, pinned in axe/package-lock.json, installed on first
//     use into a cache directory and never committed) run on the page, with the
//     violations of chosen impacts.
//
// A missing chromium skips the tests, except in CI (CI=true), where it fails them:
// .ci/run installs chromium with ensure-chromium.sh before `make test`, so a missing
// browser there is a broken build, never a silent pass. The same rule holds for npm.
package browsertest
