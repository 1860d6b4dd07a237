//! Man pages of the commands, rendered from the same clap definition as `--help`; the library
//! adds the sections every page shares ([`crate::render::manpage`]).

/// One command's page: its file name and its roff text.
pub fn command_page(command: clap::Command) -> std::io::Result<(String, String)> {
    let man = clap_mangen::Man::new(command);
    let name = man.get_filename();
    let mut page = Vec::new();
    man.render(&mut page)?;
    let page = String::from_utf8(page).map_err(std::io::Error::other)?;
    Ok(crate::render::manpage::command_page(name, page))
}
