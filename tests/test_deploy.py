"""The shipped web server configurations (deploy/) run for real over a fresh build: Debian's nginx
and Caddy on loopback ports, the preview server too. Status, Content-Type and Cache-Control of each
kind of file, the site's own 404 page, the professionals' site behind a password, and one offline
visit through nginx."""

import base64
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .browser_contexts import shared_context
from .conftest import ROOT, read_directory_data, ready_offline

DEPLOY = ROOT / "deploy"
PASSWORD = "mot-de-passe-de-test"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path | None = None):
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text() if log and log.exists() else process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing answers on port {port}")


def stop(process: subprocess.Popen):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fetch(url: str, credentials: tuple[str, str] | None = None):
    """(status, headers, body) without raising on 4xx."""
    request = urllib.request.Request(url)
    if credentials:
        token = base64.b64encode(":".join(credentials).encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # a loaded machine answers late
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def replaced(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text, f"the shipped configuration no longer has « {old} »: update this test"
        text = text.replace(old, new)
    return text


def required(program: str) -> str:
    path = shutil.which(program)
    if not path:
        pytest.fail(f"Debian's {program} is missing: run `apt-get install {program}` (make test does it)")
    return path


@pytest.fixture(scope="module")
def nginx(built_sites, tmp_path_factory):
    """{"public": url, "pro": url} served by nginx with deploy/'s two files, paths and ports swapped."""
    binary = required("nginx")
    folder = tmp_path_factory.mktemp("nginx")
    public, pro = free_port(), free_port()
    hashed = subprocess.run(
        ["openssl", "passwd", "-apr1", "-stdin"], input=PASSWORD, capture_output=True, text=True, check=True
    ).stdout.strip()
    (folder / "htpasswd").write_text(f"pro:{hashed}\n")
    rules = folder / "regles.conf"
    shutil.copyfile(DEPLOY / "nginx-guide-partage-regles.conf", rules)
    servers = replaced(
        (DEPLOY / "nginx-guide-partage.conf").read_text(),
        {
            "/var/www/guide-partage/site-pro;": f"{built_sites['pro']};",
            "/var/www/guide-partage/site;": f"{built_sites['public']};",
            "/etc/nginx/guide-partage-regles.conf": str(rules),
            "/etc/nginx/guide-partage.htpasswd": str(folder / "htpasswd"),
        },
    )
    listens = iter([public, pro])
    while "    listen 80;" in servers:
        servers = servers.replace("    listen 80;", f"    listen 127.0.0.1:{next(listens)};", 1)
    (folder / "guide-partage.conf").write_text(servers)
    # The harness around the shipped file, as Debian's nginx.conf would be (user root: the
    # sites live in pytest's private temporary folders).
    (folder / "nginx.conf").write_text(f"""
user root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/guide-partage.conf;
}}
""")
    check = subprocess.run(
        [binary, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [binary, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(public, process, folder / "error.log")
        wait_for_port(pro, process, folder / "error.log")
        yield {"public": f"http://127.0.0.1:{public}", "pro": f"http://127.0.0.1:{pro}"}
    finally:
        stop(process)


@pytest.fixture(scope="module")
def caddy(built_sites, tmp_path_factory):
    """The same two sites served by Caddy with deploy/Caddyfile, addresses given by its environment."""
    binary = shutil.which("caddy")
    if not binary:
        pytest.skip("Caddy is not packaged for this system (make test installs it when apt has it)")
    folder = tmp_path_factory.mktemp("caddy")
    public, pro = free_port(), free_port()
    hashed = subprocess.run(
        [binary, "hash-password", "--plaintext", PASSWORD], capture_output=True, text=True, check=True
    ).stdout.strip()
    environment = {
        **os.environ,
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder),
        "GUIDE_CADDY_ADMIN": "off",
        "GUIDE_PUBLIC_ADDRESS": f"http://127.0.0.1:{public}",
        "GUIDE_SITE": str(built_sites["public"]),
        "GUIDE_PRO_ADDRESS": f"http://127.0.0.1:{pro}",
        "GUIDE_SITE_PRO": str(built_sites["pro"]),
        "GUIDE_PRO_USER": "pro",
        "GUIDE_PRO_HASH": hashed,
    }
    log = folder / "caddy.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [binary, "run", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"],
            env=environment,
            stdout=out,
            stderr=out,
        )
    try:
        wait_for_port(public, process, log)
        wait_for_port(pro, process, log)
        yield {"public": f"http://127.0.0.1:{public}", "pro": f"http://127.0.0.1:{pro}"}
    finally:
        stop(process)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`site-build serve` itself, as an editor starts it."""
    port = free_port()
    folder = tmp_path_factory.mktemp("apercu")
    for name in ("mkdocs.yml", "data", "content", "hooks", "site_build"):
        (folder / name).symlink_to(ROOT / name)
    log = folder / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [
                str(Path(shutil.which("site-build") or ROOT / ".venv/bin/site-build")),
                "serve",
                "--addr",
                f"127.0.0.1:{port}",
            ],
            cwd=folder,
            stdout=out,
            stderr=out,
        )
    try:
        wait_for_port(port, process, log)
        yield {"public": f"http://127.0.0.1:{port}"}
    finally:
        stop(process)


def one_of_each(site: Path) -> dict[str, str]:
    """A path of each kind of file the site serves, found in the build."""
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site)
    card = next(site.glob("annuaire/*/fiche.vcf")).relative_to(site)
    return {
        "page": "/",
        "sous-page": "/annuaire/",
        "sw": "/sw.js",
        "manifest": "/manifest.webmanifest",
        "bundle": f"/{bundle}",
        "agenda": "/sante/epi-sante.ics",
        "vcard": f"/{card}",
    }


EXPECTED_TYPE = {
    "page": "text/html",
    "sous-page": "text/html",
    "sw": "javascript",
    "manifest": "application/manifest+json",
    "bundle": "javascript",
    "agenda": "text/calendar",
    "vcard": "text/vcard",
}


def check_server(urls: dict, built_sites, credentials=None):
    for kind, path in one_of_each(built_sites["public"]).items():
        status, headers, _ = fetch(urls["public"] + path, credentials)
        assert status == 200, (kind, path, status)
        assert EXPECTED_TYPE[kind] in headers["Content-Type"], (kind, headers["Content-Type"])
        immutable = kind == "bundle"
        cache = headers.get("Cache-Control", "")
        assert ("immutable" in cache) if immutable else (cache == "no-cache"), (kind, cache)
    status, headers, body = fetch(urls["public"] + "/nulle-part/")
    assert status == 404 and "text/html" in headers["Content-Type"]
    assert "Page introuvable" in body.decode(), "not the site's own 404 page"
    status, _, body = fetch(urls["public"] + "/ar/nulle-part/")  # in a language's folder: in its language
    assert status == 404 and "الصفحة غير موجودة" in body.decode(), "not the Arabic page not found"


def check_password(urls: dict):
    status, headers, _ = fetch(urls["pro"] + "/")
    assert status == 401 and "Basic" in headers.get("WWW-Authenticate", "")
    assert fetch(urls["pro"] + "/professionnels/", ("pro", "mauvais"))[0] == 401
    status, headers, body = fetch(urls["pro"] + "/professionnels/", ("pro", PASSWORD))
    assert status == 200 and b"Annuaire des professionnels" in body
    assert "noindex" in headers.get("X-Robots-Tag", "")


def test_nginx_serves_the_site_with_the_shipped_configuration(nginx, built_sites):
    check_server(nginx, built_sites)
    check_password(nginx)


def test_caddy_serves_the_site_with_the_shipped_configuration(caddy, built_sites):
    check_server(caddy, built_sites)
    check_password(caddy)


def test_preview_server_behaves_like_the_real_ones(preview, built_sites):
    check_server(preview, built_sites)


def test_site_works_offline_through_nginx(browser, nginx, tmp_path):
    """First visit through nginx, then nginx stops answering: pages, search and the directory still open."""
    context = shared_context(browser)
    page = context.new_page()
    try:
        ready_offline(page, nginx["public"] + "/")
        context.set_offline(True)
        for path in ("/annuaire/", "/recettes/", "/sante/", "/annuaire/caf-du-cher/"):
            response = page.goto(nginx["public"] + path)
            assert response.status == 200, path
            assert page.locator("h1").first.inner_text() != "Vous êtes hors ligne", path
        page.goto(nginx["public"] + "/annuaire/")
        read_directory_data(page)
    finally:
        context.close()
