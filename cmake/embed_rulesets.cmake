# Writes a C++ source holding the given ruleset files as string literals, so the library needs no
# files at run time. Called at build time: cmake -DOUTPUT=… -DFILES="a;b" -P embed_rulesets.cmake
string(REPLACE "|" ";" FILES "${FILES}")
set(body "")
set(entries "")
foreach(file IN LISTS FILES)
  get_filename_component(name "${file}" NAME)
  file(READ "${file}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  # Hex escapes, 32 bytes to a line; adjacent literals concatenate.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  string(REGEX REPLACE "((\\\\x[0-9a-f][0-9a-f]){32})" "\\1\"\n    \"" escaped "${escaped}")
  string(MAKE_C_IDENTIFIER "${name}" symbol)
  string(APPEND body "constexpr char ${symbol}[] =\n    \"${escaped}\";\n")
  string(APPEND entries "    {\"${name}\", {${symbol}, ${size}}},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from rulesets/*.yaml by cmake/embed_rulesets.cmake.\n"
  "#include <samverkan/load.hpp>\n\nnamespace samverkan {\nnamespace {\n${body}\n"
  "constexpr embedded_ruleset all[] = {\n${entries}};\n}  // namespace\n\n"
  "std::span<const embedded_ruleset> embedded_rulesets() noexcept { return all; }\n\n}  // namespace samverkan\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
