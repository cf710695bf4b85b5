"""The knowledge-base editor (issue 17): web editors change their gemeente's answers,
links, example questions and own intents themselves, see the result in a preview, and
publish it without a deploy.

It is built on tenants as data (core.tenants): a draft is a set of wanted intent
states kept next to the tenant's versions; publishing applies it to the tenant's newest
version and stores the result as the next immutable version, which the tenant-build
function compiles and switches live like any other; rolling back stores an earlier
version's document (and its compiled knowledge) as the next version. `drafts` holds the
models and how a draft changes a tenant document, `checks` the inline checks in Dutch,
`service` the use cases of the editor routes and of the draft check in the build function.
"""
