//! A running `boletin serve` for tests: started on a free port, asked
//! over plain HTTP, killed when dropped.

use super::Fixture;

/// A running `boletin serve --port 0`, killed on drop.
pub(crate) struct Server {
    child: std::process::Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP answer.
pub(crate) struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Server {
    /// Starts `serve --port 0` in `site` and waits for its address.
    pub(crate) fn start(site: &Fixture) -> Server {
        use std::io::BufRead;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_boletin"))
            .args(["serve", "--port", "0"])
            .current_dir(site.root())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start boletin serve");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if let Some(at) = line.find("http://127.0.0.1:") {
                    let rest = &line[at + "http://127.0.0.1:".len()..];
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = sender.send(port.parse::<u16>().expect("a port"));
                }
            }
        });
        let port = receiver
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("serve printed its address");
        Server { child, port }
    }

    /// GET `path` over a fresh connection.
    pub(crate) fn get(&self, path: &str) -> Answer {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .expect("timeout");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let response = String::from_utf8_lossy(&response).into_owned();
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Answer {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    }

    /// Fetches `path` until `ready` says yes of the page, for at most ten
    /// seconds, and returns that page.
    #[track_caller]
    pub(crate) fn wait_for(
        &self,
        path: &str,
        what: &str,
        ready: impl Fn(&scraper::Html) -> bool,
    ) -> scraper::Html {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let answer = self.get(path);
            let page = scraper::Html::parse_document(&answer.body);
            if ready(&page) {
                return page;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "timed out waiting for {what} at {path}; last answer:\n{}\n\n{}",
                answer.head,
                answer.body
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    pub(crate) fn is_running(&mut self) -> bool {
        self.try_wait().is_none()
    }

    /// How the server ended, or `None` while it runs.
    pub(crate) fn try_wait(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().expect("wait")
    }

    /// The server's process id, to send it a signal.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }
}
