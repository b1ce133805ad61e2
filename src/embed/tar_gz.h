// Reading one file out of a gzip-compressed tar archive (an `npm pack`
// tarball) without unpacking it to disk (internal).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "copydesk/status.h"

namespace copydesk::embed_detail {

// Reads the first regular file in the .tgz (or plain .tar) at `path` whose
// name `wanted` accepts into `out`, leaving `extra_capacity` spare bytes after
// it (simdjson needs padding). `member` gets the file's name in the archive.
Status read_tar_member(const std::string& path, const std::function<bool(std::string_view)>& wanted, std::string& out,
                       std::string& member, size_t extra_capacity = 64);

// True when the file starts with the gzip magic bytes (1f 8b).
Result<bool> is_gzip_file(const std::string& path);

}  // namespace copydesk::embed_detail
