import { testReportRenderer } from '@rectify/testing';
import { noticeMarkdownRenderer, noticeTextRenderer } from '../src/index.js';

testReportRenderer({ renderer: noticeTextRenderer, mediaType: 'text/plain; charset=utf-8', extension: '.txt' });
testReportRenderer({ renderer: noticeMarkdownRenderer, mediaType: 'text/markdown; charset=utf-8', extension: '.md', inert: (text) => text.includes('\\<script\\>') });
