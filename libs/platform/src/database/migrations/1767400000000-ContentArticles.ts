import { MigrationInterface, QueryRunner } from 'typeorm';

/** Policies and news (the content context): articles written by platform administrators and their attachments. */
export class ContentArticles1767400000000 implements MigrationInterface {
  name = 'ContentArticles1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE content_article (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      status text NOT NULL DEFAULT 'draft',
      title text NOT NULL,
      summary text NOT NULL DEFAULT '',
      body_html text NOT NULL DEFAULT '',
      body_text text NOT NULL DEFAULT '',
      source text,
      policy_id uuid,
      version integer NOT NULL DEFAULT 1,
      published_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT content_article_kind_check CHECK (kind IN ('policy', 'interpretation', 'announcement', 'success-story')),
      CONSTRAINT content_article_status_check CHECK (status IN ('draft', 'published', 'archived')),
      CONSTRAINT content_article_policy_id_fkey FOREIGN KEY (policy_id) REFERENCES content_article(id) ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX ix_content_article_listing ON content_article (status, kind, published_at)`);
    await q.query(`CREATE TABLE content_attachment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      article_id uuid NOT NULL,
      file_key text NOT NULL,
      filename text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      uploaded_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT content_attachment_article_id_fkey FOREIGN KEY (article_id) REFERENCES content_article(id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX ix_content_attachment_article ON content_attachment (article_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS content_attachment`);
    await q.query(`DROP TABLE IF EXISTS content_article`);
  }
}
