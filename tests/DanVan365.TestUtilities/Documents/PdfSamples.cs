namespace DanVan365.TestUtilities.Documents;

/// <summary>PDFs a ward might be sent instead of a digital decision: a password-protected export (scans: Scans/ScanRender).</summary>
public static class PdfSamples
{
    /// <summary>The .docx exported to PDF by LibreOffice with an open password.</summary>
    public static byte[] Encrypted(byte[] docx) =>
        LibreOffice.Convert(docx, "pdf:writer_pdf_Export:{\"EncryptFile\":{\"type\":\"boolean\",\"value\":\"true\"},"
            + "\"DocumentOpenPassword\":{\"type\":\"string\",\"value\":\"mat-khau\"}}", "qd.docx");
}
