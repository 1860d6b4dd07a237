//! The files of a Canvas course package, from the decided [`CanvasCourse`]: the manifest,
//! Canvas's course settings (identifier only), one module per week, the calendar events, one
//! assignment per due item and the schedule page. Element names and their order follow what
//! Canvas's own exporter writes (`lib/cc/*.rb` in instructure/canvas-lms) and its importer
//! reads (`lib/cc/importer/canvas/*.rb`).

use jiff::Timestamp;

use super::archive::PackageFile;
use super::xml::{Doc, escape};
use super::{Assignment, CanvasCourse, Event, ModuleContent, Options, WeekModule};

/// The namespace of Canvas's own descriptors (`CC::CCHelper::CANVAS_NAMESPACE`).
pub const CANVAS_NAMESPACE: &str = "http://canvas.instructure.com/xsd/cccv1p0";
const CANVAS_SCHEMA_LOCATION: &str =
    "http://canvas.instructure.com/xsd/cccv1p0 https://canvas.instructure.com/xsd/cccv1p0.xsd";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
/// IMS Common Cartridge 1.1 content packaging namespace.
pub const IMSCC_NAMESPACE: &str = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
const LOM_MANIFEST_NAMESPACE: &str = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest";
const LOM_RESOURCE_NAMESPACE: &str = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource";
const MANIFEST_SCHEMA_LOCATION: &str = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd";
/// The resource type of Canvas-specific content (`CC::CCHelper::LOR`).
pub const LEARNING_APPLICATION_RESOURCE: &str =
    "associatedcontent/imscc_xmlv1p1/learning-application-resource";

/// Where Canvas's importer looks for each course-level file (`CC::CCHelper`).
pub const CANVAS_EXPORT_FLAG: &str = "course_settings/canvas_export.txt";
/// Course settings (the course's identifier).
pub const COURSE_SETTINGS: &str = "course_settings/course_settings.xml";
/// Modules.
pub const MODULE_META: &str = "course_settings/module_meta.xml";
/// Calendar events.
pub const EVENTS: &str = "course_settings/events.xml";
/// The schedule page (`wiki_content/` is read whole by the importer).
pub const SCHEDULE_PAGE: &str = "wiki_content/mixplan-schedule.html";
/// The manifest.
pub const MANIFEST: &str = "imsmanifest.xml";

/// Every file of the package, manifest first.
pub fn files(course: &CanvasCourse, options: &Options) -> Vec<PackageFile> {
    let mut files = vec![
        file(MANIFEST, manifest(course)),
        // Canvas writes a joke here; any text marks the package as Canvas's own flavour.
        file(
            CANVAS_EXPORT_FLAG,
            "Written by mixplan: a Canvas course package.\n".into(),
        ),
        file(COURSE_SETTINGS, course_settings(course)),
        file(MODULE_META, module_meta(course, options)),
        file(EVENTS, events(&course.events)),
        file(SCHEDULE_PAGE, schedule_page(course, options)),
    ];
    for (position, assignment) in course.assignments.iter().enumerate() {
        files.push(file(
            &assignment_html_path(assignment),
            html_page(
                &format!("Assignment: {}", assignment.title),
                &[],
                &description_html(assignment),
            ),
        ));
        files.push(file(
            &assignment_settings_path(assignment),
            assignment_settings(assignment, position + 1, options),
        ));
    }
    files
}

fn file(path: &str, text: String) -> PackageFile {
    PackageFile {
        path: path.into(),
        bytes: text.into_bytes(),
    }
}

fn assignment_html_path(a: &Assignment) -> String {
    format!("{}/assignment.html", a.id)
}

fn assignment_settings_path(a: &Assignment) -> String {
    format!("{}/assignment_settings.xml", a.id)
}

/// `CC::CCHelper::IMS_DATETIME`: UTC, to the second, no zone designator.
pub fn ims_datetime(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

fn workflow(options: &Options, published: &'static str) -> &'static str {
    if options.publish {
        published
    } else {
        "unpublished"
    }
}

/// The manifest: Common Cartridge 1.1 metadata, an organization mirroring the week modules
/// (for other Common Cartridge readers; Canvas reads `module_meta.xml`), and the resources.
fn manifest(course: &CanvasCourse) -> String {
    let mut doc = Doc::new();
    let id = course.identity.as_str();
    doc.open(
        "manifest",
        &[
            ("identifier", &format!("{id}-manifest")),
            ("xmlns", IMSCC_NAMESPACE),
            ("xmlns:lom", LOM_RESOURCE_NAMESPACE),
            ("xmlns:lomimscc", LOM_MANIFEST_NAMESPACE),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", MANIFEST_SCHEMA_LOCATION),
        ],
    );
    doc.open("metadata", &[])
        .text("schema", "IMS Common Cartridge")
        .text("schemaversion", "1.1.0")
        .open("lomimscc:lom", &[])
        .open("lomimscc:general", &[])
        .open("lomimscc:title", &[])
        .text("lomimscc:string", &course.title)
        .close()
        .close()
        .close()
        .close();
    doc.open("organizations", &[])
        .open(
            "organization",
            &[
                ("identifier", &format!("{id}-org")),
                ("structure", "rooted-hierarchy"),
            ],
        )
        .open("item", &[("identifier", &format!("{id}-modules"))]);
    for week in &course.weeks {
        organization_week(&mut doc, week);
    }
    doc.close().close().close();
    doc.open("resources", &[]);
    doc.open(
        "resource",
        &[
            ("identifier", id),
            ("type", LEARNING_APPLICATION_RESOURCE),
            ("href", CANVAS_EXPORT_FLAG),
        ],
    );
    for href in [COURSE_SETTINGS, MODULE_META, EVENTS, CANVAS_EXPORT_FLAG] {
        doc.empty("file", &[("href", href)]);
    }
    doc.close();
    for a in &course.assignments {
        let html = assignment_html_path(a);
        doc.open(
            "resource",
            &[
                ("identifier", a.id.as_str()),
                ("type", LEARNING_APPLICATION_RESOURCE),
                ("href", &html),
            ],
        )
        .empty("file", &[("href", &html)])
        .empty("file", &[("href", &assignment_settings_path(a))])
        .close();
    }
    doc.open(
        "resource",
        &[
            ("identifier", course.schedule_page.id.as_str()),
            ("type", "webcontent"),
            ("href", SCHEDULE_PAGE),
        ],
    )
    .empty("file", &[("href", SCHEDULE_PAGE)])
    .close();
    doc.finish()
}

fn organization_week(doc: &mut Doc, week: &WeekModule) {
    doc.open("item", &[("identifier", week.id.as_str())])
        .text("title", &week.title);
    for item in &week.items {
        match &item.content {
            ModuleContent::Header(text) => {
                doc.open("item", &[("identifier", item.id.as_str())])
                    .text("title", text)
                    .close();
            }
            ModuleContent::Assignment { assignment, title } => {
                doc.open(
                    "item",
                    &[
                        ("identifier", item.id.as_str()),
                        ("identifierref", assignment.as_str()),
                    ],
                )
                .text("title", title)
                .close();
            }
        }
    }
    doc.close();
}

fn canvas_root(doc: &mut Doc, name: &'static str, identifier: Option<&str>) {
    let mut attributes: Vec<(&str, &str)> = Vec::new();
    if let Some(id) = identifier {
        attributes.push(("identifier", id));
    }
    attributes.extend([
        ("xmlns", CANVAS_NAMESPACE),
        ("xmlns:xsi", XSI),
        ("xsi:schemaLocation", CANVAS_SCHEMA_LOCATION),
    ]);
    doc.open(name, &attributes);
}

/// Only the identifier: the course keeps its own title, code and dates on import (the
/// importer leaves a course setting alone when its element is absent).
fn course_settings(course: &CanvasCourse) -> String {
    let mut doc = Doc::new();
    canvas_root(&mut doc, "course", Some(course.identity.as_str()));
    doc.finish()
}

fn module_meta(course: &CanvasCourse, options: &Options) -> String {
    let mut doc = Doc::new();
    canvas_root(&mut doc, "modules", None);
    let state = workflow(options, "active");
    for (position, week) in course.weeks.iter().enumerate() {
        doc.open("module", &[("identifier", week.id.as_str())])
            .text("title", &week.title)
            .text("workflow_state", state)
            .text("position", &(position + 1).to_string())
            .text("require_sequential_progress", "false")
            .text("locked", "false")
            .open("items", &[]);
        for (n, item) in week.items.iter().enumerate() {
            doc.open("item", &[("identifier", item.id.as_str())]);
            match &item.content {
                ModuleContent::Header(text) => {
                    doc.text("content_type", "ContextModuleSubHeader")
                        .text("workflow_state", state)
                        .text("title", text);
                }
                ModuleContent::Assignment { assignment, title } => {
                    doc.text("content_type", "Assignment")
                        .text("workflow_state", state)
                        .text("title", title)
                        .text("identifierref", assignment.as_str());
                }
            }
            doc.text("position", &(n + 1).to_string())
                .text("new_tab", "false")
                .text("indent", "0")
                .close();
        }
        doc.close().close();
    }
    doc.finish()
}

fn events(events: &[Event]) -> String {
    let mut doc = Doc::new();
    canvas_root(&mut doc, "events", None);
    for event in events {
        let mut paragraphs: Vec<String> = Vec::new();
        if let Some(reason) = &event.cancelled {
            paragraphs.push(format!("Does not take place: {reason}."));
        }
        paragraphs.extend(event.description.lines().map(str::to_string));
        if let Some(location) = &event.location {
            paragraphs.push(format!("Location: {location}"));
        }
        doc.open("event", &[("identifier", event.id.as_str())])
            .text("title", &event.title)
            .text(
                "description",
                &paragraphs_html(&paragraphs, event.url.as_deref()),
            )
            .text("start_at", &ims_datetime(event.start))
            .text("end_at", &ims_datetime(event.end))
            .close();
    }
    doc.finish()
}

fn assignment_settings(a: &Assignment, position: usize, options: &Options) -> String {
    let mut doc = Doc::new();
    canvas_root(&mut doc, "assignment", Some(a.id.as_str()));
    let graded = options.is_graded(a.kind);
    doc.text("title", &a.title)
        .text("due_at", &ims_datetime(a.due_at))
        .text("workflow_state", workflow(options, "published"))
        // No points: the teacher sets them, or leaves the work ungraded.
        .text("grading_type", if graded { "points" } else { "not_graded" })
        .text(
            "submission_types",
            if graded { "none" } else { "not_graded" },
        )
        .text("position", &position.to_string());
    doc.finish()
}

fn description_html(a: &Assignment) -> String {
    paragraphs_html(&a.description, a.url.as_deref())
}

/// Plain-text paragraphs as HTML, each escaped, and a link to `url` if given.
fn paragraphs_html(paragraphs: &[String], url: Option<&str>) -> String {
    let mut html = String::new();
    for p in paragraphs.iter().filter(|p| !p.is_empty()) {
        html.push_str("<p>");
        html.push_str(&escape(p));
        html.push_str("</p>\n");
    }
    if let Some(url) = url {
        let url = escape(url);
        html.push_str(&format!("<p><a href=\"{url}\">{url}</a></p>\n"));
    }
    html
}

/// An HTML page as Canvas's exporter writes one (`html_page` in `lib/cc/cc_helper.rb`): the
/// title in the head, `meta` fields the importer reads, the content in the body.
fn html_page(title: &str, meta: &[(&str, &str)], body: &str) -> String {
    let mut page = String::from(
        "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/>\n",
    );
    page.push_str(&format!("<title>{}</title>\n", escape(title)));
    for (name, content) in meta {
        page.push_str(&format!(
            "<meta name=\"{}\" content=\"{}\"/>\n",
            escape(name),
            escape(content)
        ));
    }
    page.push_str("</head>\n<body>\n");
    page.push_str(body);
    page.push_str("\n</body>\n</html>\n");
    page
}

fn schedule_page(course: &CanvasCourse, options: &Options) -> String {
    let page = &course.schedule_page;
    html_page(
        &page.title,
        &[
            ("identifier", page.id.as_str()),
            ("editing_roles", "teachers"),
            ("workflow_state", workflow(options, "active")),
        ],
        &page.html,
    )
}
