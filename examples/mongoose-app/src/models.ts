import { model, Schema } from 'mongoose';

const articleSchema = new Schema({
  title: { type: String, required: true },
  author: { type: String, required: true },
  published: { type: Boolean, required: true },
  views: { type: Number, required: true },
  tags: [String],
});

export const Article = model('Article', articleSchema);
