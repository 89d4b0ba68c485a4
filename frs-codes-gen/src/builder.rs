//! The build-script front end, also what the command generates with.

use crate::model::Catalogue;
use crate::options::{Options, Settings};
use crate::problem::{Error, Problem};
#[cfg(feature = "render")]
use crate::render;
use crate::{catalogue, expand, validate, MANIFEST_HINT};
use proc_macro2::TokenStream;
use std::path::{Path, PathBuf};

/// Generates the items of `frs_codes!` as a file: from a build script, or from code that has a
/// [`Catalogue`] at hand.
///
/// The options mirror the macro's; each is optional and takes what the macro takes, as a
/// string. A value that does not parse is reported with the catalogue's problems.
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), Box<dyn std::error::Error>> {
///     frs_codes_gen::Builder::new("codes.json")   // relative to CARGO_MANIFEST_DIR
///         .name("ErrorCode")
///         .write_to_out_dir("codes.rs")?;         // $OUT_DIR/codes.rs, plus cargo:rerun-if-changed
///     Ok(())
/// }
/// ```
///
/// ```
/// # let catalogue = frs_codes_gen::parse(r#"{"categories": [{"name": "Common", "title": "Common errors", "prefix": "FRS", "range": [1, 99]}],
/// #   "codes": [{"code": "FRS.0011", "status": 400, "description": "Missing.", "measure": "Add it."}]}"#, "codes.json")?;
/// let source = frs_codes_gen::Builder::from_catalogue(catalogue)
///     .name("GatewayCode")
///     .vis("pub(crate)")
///     .source()?;
/// assert!(source.contains("pub(crate) enum GatewayCode {"));
/// # Ok::<(), frs_codes_gen::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Builder {
    source: Source,
    settings: Settings,
}

#[derive(Clone, Debug)]
enum Source {
    /// A path as a build script gives it: relative to `CARGO_MANIFEST_DIR`.
    Manifest(PathBuf),
    Loaded(Catalogue),
}

impl Builder {
    /// A builder for the catalogue at `path`, relative to the directory of the crate's
    /// `Cargo.toml` (`CARGO_MANIFEST_DIR`, which Cargo sets for build scripts), or to the current
    /// directory where that is not set.
    #[must_use]
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Builder {
            source: Source::Manifest(path.into()),
            settings: Settings::default(),
        }
    }

    /// A builder for a catalogue already loaded, e.g. with [`load`](crate::load).
    #[must_use]
    pub fn from_catalogue(catalogue: Catalogue) -> Self {
        Builder {
            source: Source::Loaded(catalogue),
            settings: Settings::default(),
        }
    }

    /// The code enum's name (default `ErrorCode`).
    pub fn name(&mut self, name: &str) -> &mut Self {
        self.settings.name = Some(name.to_owned());
        self
    }

    /// The category enum's name (default `Category`).
    pub fn category(&mut self, name: &str) -> &mut Self {
        self.settings.category = Some(name.to_owned());
        self
    }

    /// The case type's name (default: the code enum's name + `Case`).
    pub fn case(&mut self, name: &str) -> &mut Self {
        self.settings.case = Some(name.to_owned());
        self
    }

    /// The parse error's name (default: the code enum's name + `ParseError`).
    pub fn parse_error(&mut self, name: &str) -> &mut Self {
        self.settings.parse_error = Some(name.to_owned());
        self
    }

    /// The visibility of every generated item, e.g. `pub(crate)` (default `pub`).
    pub fn vis(&mut self, visibility: &str) -> &mut Self {
        self.settings.vis = Some(visibility.to_owned());
        self
    }

    /// The path users reach the types by, e.g. `my_crate::errors`; with it the generated docs
    /// carry examples, which run as doctests of the crate that includes the file.
    pub fn doc_path(&mut self, path: &str) -> &mut Self {
        self.settings.doc_path = Some(path.to_owned());
        self
    }

    /// The path of the `frs-codes` crate (e.g. `::frs_codes`), when the crate depends on it:
    /// the types then implement its `CatalogueCode` and `CatalogueCategory` (so `ApiError` reads
    /// responses with this catalogue) and, with its `serde` feature, serde's traits. Without it
    /// the generated items need nothing but `core`.
    pub fn runtime(&mut self, path: &str) -> &mut Self {
        self.settings.runtime = Some(path.to_owned());
        self
    }

    /// The catalogue, loaded and validated.
    ///
    /// # Errors
    ///
    /// Every problem found in the catalogue.
    pub fn catalogue(&self) -> Result<Catalogue, Error> {
        match &self.source {
            Source::Loaded(catalogue) => Ok(catalogue.clone()),
            Source::Manifest(path) => {
                let shown = path.display().to_string();
                let loaded = catalogue::load(&self.resolved(path), &shown, MANIFEST_HINT)?;
                validate::validate(&loaded)
                    .map_err(|problems| Error::new(problems, Some(loaded.text.clone())))
            }
        }
    }

    fn resolved(&self, path: &Path) -> PathBuf {
        match std::env::var_os("CARGO_MANIFEST_DIR") {
            Some(manifest_dir) => Path::new(&manifest_dir).join(path),
            None => path.to_owned(),
        }
    }

    /// The generated items, as the macro expands them (without its `include_bytes!` tracking).
    ///
    /// # Errors
    ///
    /// Every problem in the catalogue, and every option that does not parse.
    pub fn tokens(&self) -> Result<TokenStream, Error> {
        let catalogue = self.catalogue();
        let options = Options::from_strings(&self.settings);
        match (catalogue, options) {
            (Ok(catalogue), Ok(options)) => Ok(expand::expand(&options, &catalogue, None)),
            (catalogue, options) => {
                let file = self.file();
                let (mut problems, text) = match catalogue {
                    Err(error) => (error.problems().to_vec(), error.text().map(str::to_owned)),
                    Ok(_) => (Vec::new(), None),
                };
                problems.extend(
                    options
                        .err()
                        .into_iter()
                        .flatten()
                        .map(|message| Problem::new(&file, None, message)),
                );
                Err(Error::new(problems, text))
            }
        }
    }

    /// The generated items as formatted source, under a header naming the catalogue.
    ///
    /// Available with the `render` feature.
    ///
    /// # Errors
    ///
    /// As for [`tokens`](Self::tokens).
    #[cfg(feature = "render")]
    #[cfg_attr(docsrs, doc(cfg(feature = "render")))]
    pub fn source(&self) -> Result<String, Error> {
        render::source(self.tokens()?, &self.file())
    }

    /// Writes [`source`](Self::source) to `path`, unless the file already holds exactly that.
    ///
    /// Available with the `render` feature.
    ///
    /// # Errors
    ///
    /// As for [`tokens`](Self::tokens), and when the file cannot be written.
    #[cfg(feature = "render")]
    #[cfg_attr(docsrs, doc(cfg(feature = "render")))]
    pub fn write_to(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let source = self.source()?;
        if std::fs::read_to_string(path).is_ok_and(|existing| existing == source) {
            return Ok(());
        }
        std::fs::write(path, source).map_err(|error| {
            Error::one(Problem::new(
                &self.file(),
                None,
                format!(
                    "cannot write the generated code to `{}`: {error}",
                    path.display()
                ),
            ))
        })
    }

    /// From a build script: writes the source to `$OUT_DIR/<file_name>` and tells Cargo to run
    /// the build script again when the catalogue changes. Returns the path written.
    ///
    /// Available with the `render` feature.
    ///
    /// # Errors
    ///
    /// As for [`write_to`](Self::write_to), and when `OUT_DIR` is not set (not a build script).
    #[cfg(feature = "render")]
    #[cfg_attr(docsrs, doc(cfg(feature = "render")))]
    pub fn write_to_out_dir(&self, file_name: &str) -> Result<PathBuf, Error> {
        if let Source::Manifest(path) = &self.source {
            // Before anything can fail: a catalogue fixed after a failed build must rebuild.
            println!("cargo:rerun-if-changed={}", self.resolved(path).display());
        }
        let Some(out_dir) = std::env::var_os("OUT_DIR") else {
            return Err(Error::one(Problem::new(
                &self.file(),
                None,
                "OUT_DIR is not set: `write_to_out_dir` is for build scripts, which Cargo runs \
                 with it; use `write_to` elsewhere"
                    .to_owned(),
            )));
        };
        let path = Path::new(&out_dir).join(file_name);
        self.write_to(&path)?;
        Ok(path)
    }

    /// The catalogue file as messages name it.
    fn file(&self) -> String {
        match &self.source {
            Source::Manifest(path) => path.display().to_string(),
            Source::Loaded(catalogue) => catalogue.file.clone(),
        }
    }
}
