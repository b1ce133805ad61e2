// Whole-file reads for the vector readers (internal).
#pragma once

#include <string>

#include "copydesk/status.h"

namespace copydesk::embed_detail {

// Reads the file's bytes as they are.
Status read_whole_file(const std::string& path, std::string& out);
// Reads a plain or gzip-compressed file, decompressed.
Status read_maybe_gzip_file(const std::string& path, std::string& out);

}  // namespace copydesk::embed_detail
