import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A document of a financing request's data room: shown only to the owner and the investors it admits. */
@ForeignKey('financing_request', ['request_id'], ['id'], { name: 'data_room_document_request_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@Index('ix_data_room_document_request', ['requestId', 'createdAt'])
@Entity('data_room_document')
export class DataRoomDocument {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId!: string;
  @Column({ name: 'file_key', type: 'text' }) fileKey!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ type: 'int' }) size!: number;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Every look into a data room: the listing of its documents and each document opened, by whom and when. */
@Check('ck_data_room_view_kind', `(kind = ANY (ARRAY['list'::text, 'open'::text]))`)
@ForeignKey('financing_request', ['request_id'], ['id'], { name: 'data_room_view_request_id_fkey', onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
@ForeignKey('data_room_document', ['document_id'], ['id'], { name: 'data_room_view_document_id_fkey', onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
@Index('ix_data_room_view_request', ['requestId', 'viewedAt'])
@Entity('data_room_view')
export class DataRoomView {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId!: string;
  @Column({ name: 'document_id', type: 'uuid', nullable: true }) documentId!: string | null;
  @Column({ type: 'text' }) kind!: 'list' | 'open';
  @Column({ name: 'viewer_user_id', type: 'uuid' }) viewerUserId!: string;
  @Column({ name: 'viewer_org_id', type: 'uuid' }) viewerOrgId!: string;
  @Column({ name: 'viewed_at', type: 'timestamptz' }) viewedAt!: Date;
}
