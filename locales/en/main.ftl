# Interface strings of the default theme, in English.
# Each line is `message-id = text`. Keep the ids; translate the text.

# The language's own name, shown in the language switch.
language-name = English

skip-to-content = Skip to content
nav-main = Site
nav-archive = All issues
nav-tags = Topics
nav-languages = Languages
nav-issues = More issues
follow = Follow by feed:

archive-title = All issues
archive-count = { $count ->
    [one] One issue in the archive.
   *[other] { $count } issues in the archive.
}
latest-issue = Latest issue
issue-number = No. { $number }
by-authors = By { $authors }
draft = Draft
not-translated = Not translated into English yet
untranslated-notice = This issue has not been translated into English yet. Below is the original:
untranslated-page-notice = This page has not been translated into English yet. Below is the original:
tags-label = Topics

newer-issue = Newer issue
older-issue = Older issue
newer-page = Newer issues
older-page = Older issues
page-of = Page { $current } of { $total }
pagination = Archive pages

tags-title = Topics
all-tags = All topics
no-tags = No topics yet.
tag-title = Topic: { $tag }
issue-count = { $count ->
    [one] One issue
   *[other] { $count } issues
}

not-found-title = Page not found
not-found-text = We could not find that page. It may have moved.
not-found-home = See all issues in English
