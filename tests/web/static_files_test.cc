#include "server/web/internal/static_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/test_util.h"

namespace renkei::web {
namespace {

using ::testing::HasSubstr;

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    std::filesystem::create_directories(pages() + "/sub");
    std::filesystem::create_directories(outside());
    Write(pages() + "/index.html", "<p>トップ</p>");
    Write(pages() + "/sub/index.html", "<p>下</p>");
    Write(pages() + "/app.js", "let a = 1;");
    Write(pages() + "/.secret", "hidden");
    Write(outside() + "/secret.txt", "outside");
    Write(outside() + "/linked.css", "body{}");
    // A link inside the mount to a file elsewhere is followed (Debian's
    // bootstrap5 is made of such links).
    std::filesystem::create_symlink(outside() + "/linked.css", pages() + "/linked.css");
  }
  std::string pages() const { return dir_.path() + "/pages"; }
  std::string outside() const { return dir_.path() + "/outside"; }
  static void Write(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
  }
  HttpResponse Serve(const std::string& target, HttpHeaders headers = {},
                     const std::string& method = "GET") {
    HttpRequest request;
    request.method = method;
    request.target = target;
    request.headers = std::move(headers);
    return files_.Serve(request);
  }
  static std::string HeaderOf(const HttpResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return "";
  }

  testing::TempDir dir_;
  StaticFiles files_{{{"/", dir_.path() + "/pages", "no-cache"}}};
};

TEST_F(StaticFilesTest, DirectoriesMeanTheirIndexAndTypesComeFromTheName) {
  HttpResponse top = Serve("/");
  EXPECT_EQ(top.status, 200);
  EXPECT_EQ(top.body, "<p>トップ</p>");
  EXPECT_EQ(HeaderOf(top, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Serve("/sub/").body, "<p>下</p>");
  EXPECT_EQ(HeaderOf(Serve("/app.js"), "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(Serve("/linked.css"), "Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(Serve("/linked.css").body, "body{}");
}

TEST_F(StaticFilesTest, TraversalHiddenFilesAndOddBytesAreRefused) {
  for (const char* target :
       {"/../outside/secret.txt", "/sub/../../outside/secret.txt", "/%2e%2e/outside/secret.txt",
        "/..%2foutside%2fsecret.txt", "/sub/..%5c..%5coutside%5csecret.txt", "/.secret",
        "/%2esecret", "/app.js%00.html", "//app.js", "/sub/./index.html", "/%zz"}) {
    HttpResponse response = Serve(target);
    EXPECT_EQ(response.status, 400) << target;
    EXPECT_THAT(response.body, ::testing::Not(HasSubstr("outside"))) << target;
    EXPECT_THAT(response.body, ::testing::Not(HasSubstr("hidden"))) << target;
  }
  EXPECT_EQ(Serve("/missing.html").status, 404);
  EXPECT_EQ(Serve("/sub").status, 404);  // a directory is not a file
}

TEST_F(StaticFilesTest, UnchangedFileIs304) {
  HttpResponse first = Serve("/app.js");
  const std::string etag = HeaderOf(first, "ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_FALSE(HeaderOf(first, "Last-Modified").empty());
  HttpResponse again = Serve("/app.js", {{"if-none-match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.body, "");
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  HttpResponse post = Serve("/app.js", {}, "POST");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(HeaderOf(post, "Allow"), "GET, HEAD");
}

}  // namespace
}  // namespace renkei::web
