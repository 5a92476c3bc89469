# Textos de la interfaz del tema predeterminado, en español.
# Cada línea es `id-del-mensaje = texto`. No cambie los ids; traduzca el texto.

# El nombre del idioma en sí mismo, para el selector de idioma.
language-name = Español

skip-to-content = Saltar al contenido
nav-main = Sitio
nav-archive = Todos los números
nav-tags = Temas
nav-languages = Idiomas
nav-issues = Más números
follow = Siga por canal:

archive-title = Todos los números
archive-count = { $count ->
    [one] Un número en el archivo.
   *[other] { $count } números en el archivo.
}
latest-issue = Último número
issue-number = Núm. { $number }
by-authors = Por { $authors }
draft = Borrador
not-translated = Aún sin traducir al español
untranslated-notice = Este número todavía no está traducido al español. Abajo está el original:
untranslated-page-notice = Esta página todavía no está traducida al español. Abajo está el original:
tags-label = Temas

newer-issue = Número más reciente
older-issue = Número anterior
newer-page = Números más recientes
older-page = Números anteriores
page-of = Página { $current } de { $total }
pagination = Páginas del archivo

tags-title = Temas
all-tags = Todos los temas
no-tags = Todavía no hay temas.
tag-title = Tema: { $tag }
issue-count = { $count ->
    [one] Un número
   *[other] { $count } números
}

not-found-title = Página no encontrada
not-found-text = No encontramos esa página. Puede que se haya movido.
not-found-home = Ver todos los números en español
