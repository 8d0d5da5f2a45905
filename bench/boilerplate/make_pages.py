#!/usr/bin/env python3
"""Wraps the seed texts in made-up news-site page templates.

    python3 bench/boilerplate/make_pages.py SEED_DIR OUT_DIR

For each seed NNN_*.txt writes OUT_DIR/NNN_<template>.html: the whole seed
text as article paragraphs (one <p> per non-empty line), inside one of four
site layouts written for this test (no real site's markup): header and nav
menus, breaking-news ticker, breadcrumbs, share/print bars, a "most read"
sidebar, related-article lists, a comments section, a newsletter box, a
footer, a cookie banner, scripts and styles. Inside the sentences some
characters become character references (&quot; for '"', &#1583; for some
dal letters, &#x627; for some alefs) and some words are wrapped in inline
tags (<b>, <a>, <span>, <strong>), as in real CMS output. The output is
deterministic (no randomness), so the committed pages can be regenerated
byte for byte. Also writes OUT_DIR/NNN_<template>.ref.txt: the seed's
non-empty lines (the reference main text for bench/boilerplate/compare.sh).
"""
import html
import os
import re
import sys

NAV = ["الرئيسية", "أخبار", "سياسة", "عربي ودولي", "اقتصاد", "رياضة", "فن وثقافة",
       "تقارير", "حوارات", "مقالات", "فيديو", "اتصل بنا"]
MOST_READ = [
    "الجيش يعلن السيطرة على قرى جديدة في ريف حماة الشمالي",
    "ارتفاع أسعار الذهب في السوق المحلية مع بداية التعاملات",
    "وزير الخارجية يستقبل نظيره الأردني لبحث العلاقات الثنائية",
    "الأرصاد: طقس حار نهارا معتدل ليلا على أغلب الأنحاء",
    "مقتل قيادي في تنظيم داعش بغارة جوية قرب دير الزور",
    "منتخب الشباب يتأهل إلى نهائي البطولة العربية",
]
RELATED = [
    "خبراء: الخلافات بين الفصائل المسلحة تتسع في الشمال السوري",
    "تقرير: تراجع الهجمات الإرهابية في الساحل الأفريقي خلال العام الماضي",
    "مجلس الأمن يعقد جلسة طارئة لبحث الأوضاع الإنسانية في سوريا",
    "قراءة في خريطة التنظيمات المتطرفة بعد مقتل أبرز قادتها",
]
COMMENTS = [
    ("أبو محمد", "مقال رائع ويشرح الأمور بوضوح، شكرا للكاتب على هذا التحليل المفصل الذي يوضح خلفيات ما يجري على الأرض."),
    ("سارة", "أختلف مع الكاتب في بعض النقاط، فالوضع أعقد من ذلك بكثير والمصالح الإقليمية تلعب دورا كبيرا."),
    ("زائر", "نتمنى أن يعود الأمن والاستقرار إلى بلادنا قريبا."),
]
TICKER = ["عاجل: انفجار يهز وسط العاصمة ولا أنباء عن إصابات",
          "عاجل: الحكومة تعلن عطلة رسمية يوم الخميس المقبل"]
COOKIE = ("نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. "
          "باستمرارك في التصفح فإنك توافق على سياسة الخصوصية.")
FOOTER_LINKS = ["من نحن", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا", "خريطة الموقع", "اتصل بنا"]
SITES = ["البوابة الإخبارية", "شبكة الأنباء العربية", "صحيفة المرصد", "موقع الحدث اليوم"]


def esc(s):
    return html.escape(s, quote=False)


def inline_markup(line, k):
    """Escapes one article line and adds character references and inline tags,
    deterministically (k = the line's number)."""
    words = line.split(" ")
    out = []
    dal = 0
    for i, w in enumerate(words):
        e = esc(w)
        # '"' -> &quot; on every other line; every 5th dal -> &#1583;,
        # an alef -> &#x627; on every third line
        if k % 2 == 0:
            e = e.replace('"', "&quot;")
        chars = []
        for ch in e:
            if ch == "\u062f":
                dal += 1
                if dal % 5 == 0:
                    chars.append("&#1583;")
                    continue
            chars.append(ch)
        e = "".join(chars)
        if k % 3 == 0 and i == 2:
            e = e.replace("\u0627", "&#x627;", 1)
        # inline tags on whole words (never splitting a word)
        if len(words) > 8:
            if i == 3 and k % 2 == 1:
                e = "<b>" + e + "</b>"
            elif i == 6:
                e = '<a href="/tag/%d" class="tag-link">%s' % (k, e)
            elif i == 7:
                e = e + "</a>"
            elif i == 10 and k % 3 == 1:
                e = '<span class="hl">' + e + "</span>"
            elif i == 12 and k % 4 == 2:
                e = "<strong>" + e + "</strong>"
        out.append(e)
    return " ".join(out)


def body_paras(lines, tag="p", cls=None):
    c = ' class="%s"' % cls if cls else ""
    return "\n".join("<%s%s>%s</%s>" % (tag, c, inline_markup(l, k), tag)
                     for k, l in enumerate(lines))


def links(items, fmt, base):
    return "\n".join(fmt % (base, i + 1, esc(t)) for i, t in enumerate(items))


HEAD = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta property="og:url" content="https://example.{tld}/news/{num}">
<link rel="stylesheet" href="/static/css/main.{num}.css">
<style>body{{font-family:Tahoma,Arial}} .cookie{{position:fixed;bottom:0}} .ticker a{{color:#c00}}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title_js}"}}</script>
</head>
"""


def comments_block(fmt_wrap, fmt_item):
    items = "\n".join(fmt_item % (esc(n), esc(t)) for n, t in COMMENTS)
    return fmt_wrap % (len(COMMENTS), items)


def t_semantic(lines, title, num):
    """A modern HTML5 layout: header/nav/main/article/aside/footer."""
    site = SITES[0]
    nav = "\n".join('<li><a href="/section/%d">%s</a></li>' % (i, esc(w)) for i, w in enumerate(NAV))
    return HEAD.format(title=esc(title), site=site, tld="com", num=num, title_js=title.replace('"', "")) + """<body>
<div class="cookie-consent" id="cookie"><p>{cookie}</p><button>موافق</button> <a href="/privacy">المزيد</a></div>
<header class="site-header">
<div class="top-bar"><span>الأربعاء 24 أبريل 2024</span> <a href="/login">تسجيل الدخول</a> <a href="/en">English</a></div>
<a class="logo" href="/"><img src="/logo.png" alt="{site}"></a>
<nav class="main-nav"><ul>
{nav}
</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="ابحث في الموقع"><button>بحث</button></form>
</header>
<div class="ticker"><strong>عاجل</strong><ul>{ticker}</ul></div>
<main>
<ol class="breadcrumb"><li><a href="/">الرئيسية</a></li><li><a href="/section/1">أخبار</a></li><li>عربي ودولي</li></ol>
<article class="post">
<h1 class="post-title">{h1}</h1>
<div class="post-meta"><span class="author">كتب: محرر الشؤون العربية</span> <time datetime="2024-04-24">الأربعاء 24 أبريل 2024</time></div>
<div class="share-bar"><span>شارك</span> <a href="#fb">فيسبوك</a> <a href="#tw">تويتر</a> <a href="#wa">واتساب</a> <a href="#" onclick="print()">طباعة</a> <a href="#mail">إرسال</a></div>
<figure><img src="/img/{num}.jpg" alt=""><figcaption>صورة أرشيفية</figcaption></figure>
<div class="post-body">
{body}
</div>
<div class="tags"><span>الكلمات المفتاحية:</span> <a href="/tag/1">سوريا</a> <a href="/tag/2">الإرهاب</a> <a href="/tag/3">تقارير</a></div>
<div class="share-bar bottom"><span>شارك</span> <a href="#fb">فيسبوك</a> <a href="#tw">تويتر</a> <a href="#" onclick="print()">طباعة</a></div>
</article>
<section class="related"><h2>اقرأ أيضا</h2><ul>
{related}
</ul></section>
{comments}
</main>
<aside class="sidebar">
<section class="most-read"><h3>الأكثر قراءة</h3><ol>
{most}
</ol></section>
<section class="newsletter"><h3>النشرة البريدية</h3><p>اشترك في نشرتنا البريدية ليصلك أهم الأخبار يوميا.</p><input placeholder="البريد الإلكتروني"><button>اشترك</button></section>
</aside>
<footer class="site-footer"><ul>{footer}</ul><p>جميع الحقوق محفوظة © 2024 {site}</p></footer>
<script src="/static/js/app.js"></script>
</body>
</html>
""".format(cookie=esc(COOKIE), site=site, nav=nav, num=num,
           ticker="".join("<li><a href='/n/%d'>%s</a></li>" % (i, esc(t)) for i, t in enumerate(TICKER)),
           h1=esc(title), body=body_paras(lines),
           related=links(RELATED, '<li><a href="%s/%d">%s</a></li>', "/news"),
           comments=comments_block('<section class="comments" id="comments"><h3>التعليقات (%d)</h3><ul>\n%s\n</ul>'
                                   '<form><textarea placeholder="أضف تعليقك"></textarea><button>إرسال</button></form></section>',
                                   '<li class="comment"><b class="name">%s</b><p>%s</p><a href="#">رد</a></li>'),
           most=links(MOST_READ, '<li><a href="%s/%d">%s</a></li>', "/news"),
           footer="".join('<li><a href="/p/%d">%s</a></li>' % (i, esc(t)) for i, t in enumerate(FOOTER_LINKS)))


def t_divs(lines, title, num):
    """A div soup layout (bootstrap-like columns), no h1 in the article: the
    headline is the first article paragraph, as in the seeds."""
    site = SITES[1]
    nav = " | ".join('<a href="/cat/%d">%s</a>' % (i, esc(w)) for i, w in enumerate(NAV))
    return HEAD.format(title=esc(title), site=site, tld="net", num=num, title_js=title.replace('"', "")) + """<body class="rtl">
<div id="wrapper">
<div class="header-top"><div class="container"><div class="date-now">الأربعاء 24 أبريل 2024</div>
<div class="social-icons"><a href="#">فيسبوك</a><a href="#">تويتر</a><a href="#">يوتيوب</a><a href="#">انستجرام</a></div></div></div>
<div class="menu-main"><div class="container">{nav}</div></div>
<div class="container"><div class="row">
<div class="col-md-8 col-main">
<div class="article-details">
<div class="tools-box"><a href="#print">طباعة</a> <a href="#font+">A+</a> <a href="#font-">A-</a> <a href="#share">شارك</a></div>
<div class="article-text" id="NewsStory">
{body}
</div>
<div class="source-box">المصدر: وكالات</div>
</div>
<div class="read-also"><div class="block-title">اقرأ أيضا</div>
{related}
</div>
<div class="comments-area"><div class="block-title">التعليقات</div>
{comments}
</div>
</div>
<div class="col-md-4 col-side">
<div class="box most-read"><div class="box-title">الأكثر قراءة</div>
{most}
</div>
<div class="box ads"><a href="/ads"><img src="/ad.gif" alt="إعلان"></a></div>
<div class="box latest"><div class="box-title">آخر الأخبار</div>
{latest}
</div>
</div>
</div></div>
<div class="footer"><div class="container">{footer}<div class="copy">جميع الحقوق محفوظة لـ {site} 2024</div></div></div>
<div class="cookies-bar">{cookie} <a href="#" class="btn">أوافق</a></div>
</div>
<script>document.querySelectorAll('.tools-box a').forEach(function(a){{a.onclick=function(){{return false;}};}});</script>
</body>
</html>
""".format(site=site, nav=nav, body=body_paras(lines),
           related=links(RELATED, '<div class="item"><a href="%s/%d">%s</a></div>', "/article"),
           comments=comments_block('<div class="count">%d تعليقات</div>\n%s',
                                   '<div class="comment-item"><div class="comment-user">%s</div><div class="comment-body">%s</div></div>'),
           most=links(MOST_READ, '<div class="item"><a href="%s/%d">%s</a></div>', "/article"),
           latest=links(list(reversed(MOST_READ[:4])), '<div class="item"><a href="%s/%d">%s</a></div>', "/latest"),
           footer=" - ".join('<a href="/page/%d">%s</a>' % (i, esc(t)) for i, t in enumerate(FOOTER_LINKS)),
           cookie=esc(COOKIE))


def t_tables(lines, title, num):
    """An old table layout (2000s portals): menus, body and sidebar in table
    cells, <br> between the paragraphs of the body, headline in a <font>."""
    site = SITES[2]
    nav = "".join('<td class="menu"><a href="/index.php?cat=%d">%s</a></td>' % (i, esc(w)) for i, w in enumerate(NAV[:8]))
    paras = "<br><br>\n".join(inline_markup(l, k) for k, l in enumerate(lines))
    return HEAD.format(title=esc(title), site=site, tld="org", num=num, title_js=title.replace('"', "")) + """<body bgcolor="#ffffff">
<table width="100%" cellpadding="0" cellspacing="0" id="top"><tr><td><img src="/images/banner.jpg" alt="{site}"></td>
<td align="left">الأربعاء 24 أبريل 2024 | <a href="/rss">RSS</a></td></tr></table>
<table width="100%" id="menu"><tr>{nav}</tr></table>
<table width="100%"><tr>
<td width="70%" valign="top" id="content">
<div class="path"><a href="/">الرئيسية</a> &raquo; <a href="/index.php?cat=1">أخبار</a></div>
<h1><font size="5" color="#990000">{h1}</font></h1>
<div class="newsdate">نشر في: 24 أبريل 2024 &nbsp; | &nbsp; عدد القراءات: 1520</div>
<div id="printbar"><a href="/print.php?id={num}">طباعة</a> | <a href="/send.php?id={num}">أرسل لصديق</a> | <a href="#">شارك</a></div>
<div class="news_body">
{body}
</div>
<table class="relatednews" width="100%"><tr><td class="title">أخبار ذات صلة</td></tr>
{related}
</table>
<div id="comments_box"><b>تعليقات القراء</b>
{comments}
<p class="note">التعليقات المنشورة تعبر عن آراء أصحابها فقط</p>
</div>
</td>
<td width="30%" valign="top" id="side">
<table class="block"><tr><td class="blocktitle">الأكثر قراءة</td></tr>
{most}
</table>
<table class="block"><tr><td class="blocktitle">استطلاع الرأي</td></tr><tr><td>هل تتوقع انتهاء الأزمة قريبا؟<br><input type="radio"> نعم<br><input type="radio"> لا<br><button>صوت</button></td></tr></table>
</td></tr></table>
<table width="100%" id="footer"><tr><td align="center">{footer}<br>حقوق النشر محفوظة &copy; {site} 2005 - 2024</td></tr></table>
</body>
</html>
""".format(site=site, nav=nav, h1=esc(title), num=num, body=paras,
           related=links(RELATED, '<tr><td><a href="%s?id=%d">%s</a></td></tr>', "/news.php"),
           comments=comments_block('<span>(%d)</span>\n%s',
                                   '<div class="c"><u>%s</u> كتب:<br>%s</div>'),
           most=links(MOST_READ, '<tr><td>&bull; <a href="%s?id=%d">%s</a></td></tr>', "/news.php"),
           footer=" | ".join('<a href="/p.php?id=%d">%s</a>' % (i, esc(t)) for i, t in enumerate(FOOTER_LINKS)))


def t_utility(lines, title, num):
    """A utility-class (tailwind-like) layout whose class names say nothing
    about the role of a block; no h1 (the headline is an h2), the body is in
    plain divs, the comments are a long list of paragraphs."""
    site = SITES[3]
    nav = "\n".join('<a class="px-2 py-1 text-sm" href="/s/%d">%s</a>' % (i, esc(w)) for i, w in enumerate(NAV))
    body = "\n".join('<div class="mb-4 leading-8 text-lg">%s</div>' % inline_markup(l, k) for k, l in enumerate(lines))
    return HEAD.format(title=esc(title), site=site, tld="info", num=num, title_js=title.replace('"', "")) + """<body class="bg-white">
<div class="fixed bottom-0 w-full p-3 bg-gray-800 text-white" role="dialog">{cookie} <button class="btn">قبول</button> <button class="btn">رفض</button></div>
<div class="flex justify-between px-4 py-2 border-b"><a href="/" class="font-bold text-2xl">{site}</a><div class="flex gap-2">{nav}</div></div>
<div class="flex flex-row gap-6 max-w-6xl mx-auto">
<div class="w-2/3">
<div class="text-xs text-gray-500"><a href="/">الرئيسية</a> / <a href="/s/1">أخبار</a> / تقارير</div>
<h2 class="text-3xl font-bold my-3">{h}</h2>
<div class="flex gap-3 text-sm"><span>منذ 3 ساعات</span><a href="#">شارك</a><a href="#">تويتر</a><a href="#">فيسبوك</a><a href="#">نسخ الرابط</a><a href="#">طباعة</a></div>
<div class="my-6">
{body}
</div>
<div class="border-t pt-4"><div class="font-bold">اقرأ أيضا</div>
{related}
</div>
<div class="border-t pt-4"><div class="font-bold">التعليقات</div>
{comments}
</div>
</div>
<div class="w-1/3">
<div class="font-bold">الأكثر قراءة</div>
{most}
<div class="font-bold mt-6">تابعنا</div><div><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">تيليجرام</a></div>
</div>
</div>
<div class="bg-gray-900 text-white p-6 mt-8">{footer}<div>© 2024 {site}. جميع الحقوق محفوظة.</div></div>
</body>
</html>
""".format(cookie=esc(COOKIE), site=site, nav=nav, h=esc(title), body=body,
           related=links(RELATED, '<div class="py-1"><a href="%s/%d">%s</a></div>', "/a"),
           comments=comments_block('<div class="text-sm">%d تعليقات</div>\n%s',
                                   '<div class="py-2"><div class="font-bold">%s</div><div>%s</div></div>'),
           most=links(MOST_READ, '<div class="py-1"><a href="%s/%d">%s</a></div>', "/a"),
           footer=" ".join('<a class="px-2" href="/p/%d">%s</a>' % (i, esc(t)) for i, t in enumerate(FOOTER_LINKS)))


TEMPLATES = [("semantic", t_semantic), ("divs", t_divs), ("tables", t_tables), ("utility", t_utility)]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_pages.py SEED_DIR OUT_DIR")
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    seeds = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
    for i, f in enumerate(seeds):
        with open(os.path.join(src, f), encoding="utf-8") as fh:
            lines = [re.sub(r"\s+", " ", l).strip() for l in fh.read().splitlines()]
        lines = [l for l in lines if l]
        title = lines[0]
        name, fn = TEMPLATES[i % len(TEMPLATES)]
        # the semantic and table templates carry the headline in an h1 and
        # the body holds the other lines; the others hold every line
        body = lines[1:] if name in ("semantic", "tables") else lines
        page = fn(body, title, i)
        base = "%s_%s" % (f.split("_")[0], name)
        with open(os.path.join(out, base + ".html"), "w", encoding="utf-8") as fh:
            fh.write(page)
        with open(os.path.join(out, base + ".ref.txt"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        print("%s <- %s (%s)" % (base + ".html", f, name))


if __name__ == "__main__":
    main()
