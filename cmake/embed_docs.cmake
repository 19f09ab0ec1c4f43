# Writes OUT: a C++ include with every docs/rules/*.md as {id, text}, so the
# kclint binary carries its rule documentation (explain, SARIF help).
file(GLOB docs "${DOCS_DIR}/*.md")
list(SORT docs)
set(content "// Generated from docs/rules/*.md by cmake/embed_docs.cmake. Do not edit.\n")
foreach(doc ${docs})
  get_filename_component(id "${doc}" NAME_WE)
  file(READ "${doc}" text)
  string(APPEND content "{\"${id}\", R\"kcdoc(${text})kcdoc\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
