#include <zlib.h>
#include <xxhash.h>

#include <cstdio>
#include <cstring>

#include "copydesk/date.h"
#include "copydesk/warc.h"

namespace copydesk {
namespace {

constexpr int64_t kYear10000 = 253402300800;  // first second WARC-Date cannot write
constexpr size_t kMaxBlockBytes = size_t{1} << 30;  // keeps zlib's 32-bit lengths safe

// <urn:uuid:...> from XXH3-128 of (target_uri, date, count), marked as an
// RFC 9562 version 8 (custom) UUID.
std::string record_id(std::string_view target_uri, int64_t date, uint64_t count) {
  std::string key(target_uri);
  key.push_back('\0');
  for (int i = 0; i < 8; ++i) key.push_back(static_cast<char>(static_cast<uint64_t>(date) >> (8 * i)));
  for (int i = 0; i < 8; ++i) key.push_back(static_cast<char>(count >> (8 * i)));
  const XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
  uint8_t b[16];
  for (int i = 0; i < 8; ++i) {
    b[i] = static_cast<uint8_t>(h.high64 >> (56 - 8 * i));
    b[8 + i] = static_cast<uint8_t>(h.low64 >> (56 - 8 * i));
  }
  b[6] = static_cast<uint8_t>((b[6] & 0x0F) | 0x80);  // version 8
  b[8] = static_cast<uint8_t>((b[8] & 0x3F) | 0x80);  // variant 10
  char out[64];
  std::snprintf(out, sizeof out,
                "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x>", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return out;
}

// A header value may not break the record's framing.
bool has_control_or_space(std::string_view s) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return true;
  }
  return false;
}

bool has_line_break(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

}  // namespace

struct WarcWriter::Deflater {
  z_stream z{};
  bool ready = false;
  ~Deflater() {
    if (ready) deflateEnd(&z);
  }
};

Status WarcWriterParams::validate() const {
  if (gzip_level < 1 || gzip_level > 9) {
    return Status::InvalidArgument("WarcWriterParams.gzip_level must be 1..9, got " + std::to_string(gzip_level));
  }
  if (warcinfo_date < 0 || warcinfo_date >= kYear10000) {
    return Status::InvalidArgument("WarcWriterParams.warcinfo_date must be in years 1970..9999");
  }
  return Status::Ok();
}

WarcWriter::WarcWriter(Sink& sink, WarcWriterParams params)
    : sink_(sink), params_(params), params_status_(params.validate()), deflater_(std::make_unique<Deflater>()) {}

WarcWriter::~WarcWriter() = default;

Status WarcWriter::write_warcinfo(std::string_view software) {
  if (has_line_break(software)) return Status::InvalidArgument("WARC warcinfo: software name has a line break");
  std::string fields = "software: ";
  fields += software;
  fields +=
      "\r\nformat: WARC File Format 1.1\r\n"
      "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n";
  return write_record("warcinfo", {}, params_.warcinfo_date, "application/warc-fields", fields);
}

Status WarcWriter::write_response(std::string_view target_uri, int64_t date, std::string_view html) {
  http_head_ = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ";
  http_head_ += std::to_string(html.size());
  http_head_ += "\r\n\r\n";
  return write_parts("response", target_uri, date, "application/http; msgtype=response", http_head_, html, {});
}

Status WarcWriter::write_record(std::string_view type, std::string_view target_uri, int64_t date,
                                std::string_view content_type, std::string_view block,
                                std::string_view extra_headers) {
  return write_parts(type, target_uri, date, content_type, {}, block, extra_headers);
}

Status WarcWriter::write_parts(std::string_view type, std::string_view target_uri, int64_t date,
                               std::string_view content_type, std::string_view block_head,
                               std::string_view block_body, std::string_view extra_headers) {
  COPYDESK_RETURN_IF_ERROR(params_status_);
  if (type.empty() || has_control_or_space(type)) return Status::InvalidArgument("WARC record: bad WARC-Type");
  if (has_control_or_space(target_uri)) {
    return Status::InvalidArgument("WARC record: WARC-Target-URI has white space or control characters: " +
                                   std::string(target_uri.substr(0, 200)));
  }
  if (date < 0 || date >= kYear10000) {
    return Status::InvalidArgument("WARC record: date " + std::to_string(date) + " is outside years 1970..9999");
  }
  if (block_head.size() + block_body.size() > kMaxBlockBytes) {
    return Status::InvalidArgument("WARC record: block of " + std::to_string(block_head.size() + block_body.size()) +
                                   " bytes is larger than the writer's limit of 1 GiB");
  }
  if (has_line_break(content_type)) return Status::InvalidArgument("WARC record: Content-Type has a line break");
  if (!extra_headers.empty() && (extra_headers.size() < 2 || extra_headers.substr(extra_headers.size() - 2) != "\r\n" ||
                                 extra_headers.find("\r\n\r\n") != std::string_view::npos)) {
    return Status::InvalidArgument("WARC record: extra headers must be complete \"Name: value\\r\\n\" lines");
  }
  head_ = "WARC/1.1\r\nWARC-Type: ";
  head_ += type;
  head_ += "\r\nWARC-Record-ID: ";
  head_ += record_id(target_uri, date, records_written_);
  head_ += "\r\nWARC-Date: ";
  head_ += format_iso8601(date);
  if (!target_uri.empty()) {
    head_ += "\r\nWARC-Target-URI: ";
    head_ += target_uri;
  }
  if (!content_type.empty()) {
    head_ += "\r\nContent-Type: ";
    head_ += content_type;
  }
  head_ += "\r\n";
  head_ += extra_headers;
  head_ += "Content-Length: ";
  head_ += std::to_string(block_head.size() + block_body.size());
  head_ += "\r\n\r\n";
  COPYDESK_RETURN_IF_ERROR(emit(head_, block_head, block_body));
  ++records_written_;
  return Status::Ok();
}

Status WarcWriter::emit(std::string_view head, std::string_view block_head, std::string_view block_body) {
  static constexpr std::string_view kTrailer = "\r\n\r\n";
  const std::string_view parts[4] = {head, block_head, block_body, kTrailer};
  if (!params_.gzip) {
    for (const std::string_view part : parts) {
      COPYDESK_RETURN_IF_ERROR(sink_.write(part));
      bytes_written_ += part.size();
    }
    return Status::Ok();
  }
  z_stream& z = deflater_->z;
  if (!deflater_->ready) {
    // windowBits 15 + 16: a gzip wrapper with mtime 0 and no name.
    if (deflateInit2(&z, params_.gzip_level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      return Status::Internal("WARC writer: deflateInit2 failed");
    }
    deflater_->ready = true;
  } else if (deflateReset(&z) != Z_OK) {
    return Status::Internal("WARC writer: deflateReset failed");
  }
  const size_t total = head.size() + block_head.size() + block_body.size() + kTrailer.size();
  compressed_.resize(deflateBound(&z, static_cast<uLong>(total)) + 64);
  z.next_out = reinterpret_cast<Bytef*>(compressed_.data());
  z.avail_out = static_cast<uInt>(compressed_.size());
  for (int i = 0; i < 4; ++i) {
    if (i < 3 && parts[i].empty()) continue;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(parts[i].data()));
    z.avail_in = static_cast<uInt>(parts[i].size());
    const int flush = i == 3 ? Z_FINISH : Z_NO_FLUSH;
    const int rc = deflate(&z, flush);
    if (rc == Z_STREAM_ERROR || (flush == Z_FINISH && rc != Z_STREAM_END) || z.avail_in != 0) {
      return Status::Internal("WARC writer: deflate failed");
    }
  }
  const size_t n = compressed_.size() - z.avail_out;
  COPYDESK_RETURN_IF_ERROR(sink_.write(std::string_view(compressed_.data(), n)));
  bytes_written_ += n;
  return Status::Ok();
}

}  // namespace copydesk
