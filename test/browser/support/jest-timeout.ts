// A browser step (launch, a page with its styles, a screenshot) takes seconds on a busy 2-core machine.
jest.setTimeout(120_000);
